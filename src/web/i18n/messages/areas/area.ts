/**
 * One product area's interface messages in the four languages, kept together so an area is
 * translated in one place. English defines the keys; the other languages must have exactly them.
 */
export type AreaCatalogue<E extends Record<string, string>> = {
  readonly en: E;
  readonly lv: { readonly [K in keyof E]: string };
  readonly fr: { readonly [K in keyof E]: string };
  readonly it: { readonly [K in keyof E]: string };
};

export const areaMessages = <const E extends Record<string, string>>(catalogue: AreaCatalogue<E>) =>
  catalogue;
