/** Interface messages of the participation area. */
import { areaMessages } from './area.ts';

export const participationMessages = areaMessages({
  en: {},
  lv: {},
  fr: {},
  it: {},
});
