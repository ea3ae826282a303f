/**
 * Makes react-intl check message ids at compile time: every `formatMessage({ id })` and
 * `<FormattedMessage id>` must name a key of the English catalogue, which every language shares.
 */
import type { en } from '../../i18n/messages/en.ts';

export type MessageId = keyof typeof en;

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
