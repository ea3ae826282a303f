/** A coordinator undoes a payment by a reversing transfer that points at it, saying why. */
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionDialog } from './action-dialog.tsx';
import type { CurrencyUnit } from './amount.ts';
import { currencyApi, type HistoryEntry } from './currency-api.ts';
import { useFormatAmount } from './money.tsx';

interface Props {
  readonly slug: string;
  readonly entry: HistoryEntry;
  readonly unit: CurrencyUnit;
  readonly counterparty: string;
}

export function ReverseDialog({ slug, entry, unit, counterparty }: Props) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const what = {
    amount: format(entry.amountMinor),
    name: counterparty,
    date: intl.formatDate(entry.createdAt, { dateStyle: 'medium' }),
  };
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="currency.reverse" />,
        ariaLabel: intl.formatMessage({ id: 'currency.reverse.named' }, what),
        className: 'button button--quiet button--small',
      }}
      title={intl.formatMessage({ id: 'currency.reverse.title' }, what)}
      explanation={<FormattedMessage id="currency.reverse.explain" />}
      reasonHelp={<FormattedMessage id="currency.reverse.reason.help" />}
      submitLabel={<FormattedMessage id="currency.reverse.submit" />}
      isDestructive
      toBody={(_form, reason) => ({ reason })}
      send={(body, key) => currencyApi.reverse(slug, entry.id, body.reason, key)}
      doneMessage={intl.formatMessage({ id: 'currency.reverse.done' }, what)}
    />
  );
}
