/** Interface messages of the clearing area. */
import { areaMessages } from './area.ts';

export const clearingMessages = areaMessages({
  en: {},
  lv: {},
  fr: {},
  it: {},
});
