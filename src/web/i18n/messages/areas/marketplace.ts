/** Interface messages of the marketplace area. */
import { areaMessages } from './area.ts';

export const marketplaceMessages = areaMessages({
  en: {},
  lv: {},
  fr: {},
  it: {},
});
