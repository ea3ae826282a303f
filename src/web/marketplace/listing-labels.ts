/** Words for the marketplace's codes (categories, kinds, statuses) in the reader's language. */
import { useIntl } from 'react-intl';
import type { MessageId } from '../platform/i18n/message-ids.ts';

export function useMarketplaceLabels() {
  const intl = useIntl();
  const label = (prefix: string, code: string): string => {
    const id = `${prefix}.${code}`;
    return id in intl.messages
      ? intl.formatMessage({ id: id as MessageId })
      : intl.formatMessage({ id: 'common.other' });
  };
  const category = (code: string) => label('marketplace.category', code);
  return {
    category,
    kind: (code: string) => label('marketplace.kind', code),
    listingStatus: (code: string) => label('marketplace.listingStatus', code),
    orderStatus: (code: string) => label('marketplace.orderStatus', code),
    categoryOptions: (codes: readonly string[]) => codes.map((code) => ({ id: code, label: category(code) })),
  };
}
