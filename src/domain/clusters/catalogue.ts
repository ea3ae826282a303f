/**
 * The fixed vocabularies of the clusters area: legal forms, quadruple-helix sectors, cluster
 * types, visibilities and the interface languages. Labels live in the translations, keyed by code.
 */
export const LEGAL_FORMS = [
  'municipality',
  'public_body',
  'foundation',
  'association',
  'social_cooperative',
  'cooperative',
  'business_employment_cooperative',
  'scic',
  'social_enterprise',
  'company',
  'sole_trader',
  'university',
  'research_institute',
  'chamber',
  'school',
  'informal_group',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Quadruple helix; the quintuple helix adds the natural environment, represented by civil society here. */
export const SECTORS = ['government', 'industry', 'academia', 'civil_society'] as const;
export type Sector = (typeof SECTORS)[number];

export const CLUSTER_TYPES = ['spatial', 'sectoral'] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export const VISIBILITIES = ['public', 'members'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LOCALES = ['lv', 'en', 'fr', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** ISO 3166-1 alpha-2 codes of the European countries Kopa's clusters are found in. */
export const COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'NO',
  'IS',
  'CH',
  'GB',
  'UA',
  'RS',
  'BA',
  'ME',
  'MK',
  'AL',
  'MD',
] as const;
export type Country = (typeof COUNTRIES)[number];

/** Each country's civil time (its mainland's, where it has several): meeting times are told in it. */
const TIME_ZONES: Record<Country, string> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  NO: 'Europe/Oslo',
  IS: 'Atlantic/Reykjavik',
  CH: 'Europe/Zurich',
  GB: 'Europe/London',
  UA: 'Europe/Kyiv',
  RS: 'Europe/Belgrade',
  BA: 'Europe/Sarajevo',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  AL: 'Europe/Tirane',
  MD: 'Europe/Chisinau',
};

/** The time zone a cluster's people live in, from its country (UTC for an unknown one). */
export function timeZoneOf(country: string): string {
  return (TIME_ZONES as Record<string, string>)[country] ?? 'UTC';
}

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$';
const SLUG_RE = new RegExp(SLUG_PATTERN);
const RESERVED_SLUGS = new Set(['new', 'admin', 'api', 'account', 'sign-in', 'sign-up', 'settings']);

export function isValidSlug(slug: string): boolean {
  return SLUG_RE.test(slug) && !slug.includes('--') && !RESERVED_SLUGS.has(slug);
}
