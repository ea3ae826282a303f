/** A message in the four interface languages, as ICU MessageFormat. */
export type Translations = {
  readonly en: string;
  readonly lv: string;
  readonly fr: string;
  readonly it: string;
};
