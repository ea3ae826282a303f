/**
 * Suggests a cluster's address from its name: "Lūznavas muižas klasteris" → "luznavas-muizas-klasteris"
 * (the server's rule: lowercase letters, digits and single hyphens, at most 48 characters).
 */
const MAX_SLUG_LENGTH = 48;

export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}
