/** Interface messages of the currency area. */
import { areaMessages } from './area.ts';

export const currencyMessages = areaMessages({
  en: {},
  lv: {},
  fr: {},
  it: {},
});
