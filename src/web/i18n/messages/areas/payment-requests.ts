/** Interface messages of the payment-requests area. */
import { areaMessages } from './area.ts';

export const paymentRequestsMessages = areaMessages({
  en: {},
  lv: {},
  fr: {},
  it: {},
});
