/**
 * A coordinator's adjustment between two accounts — rebalancing a leaving member's debt, say. It
 * may pass the accounts' limits, so it always says why; the reason is recorded with the transfer.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { AccountPicker } from './account-picker.tsx';
import { ActionDialog } from './action-dialog.tsx';
import type { CurrencyUnit } from './amount.ts';
import { AmountField, readAmount } from './amount-field.tsx';
import { currencyApi, type Payee } from './currency-api.ts';

export function AdjustmentDialog({
  slug,
  unit,
  feeAccount,
}: {
  slug: string;
  unit: CurrencyUnit;
  feeAccount: Payee | null;
}) {
  const intl = useIntl();
  const extraAccounts = feeAccount ? [feeAccount] : [];
  return (
    <ActionDialog
      slug={slug}
      trigger={{ label: <FormattedMessage id="currency.adjust" />, className: 'button button--secondary' }}
      title={intl.formatMessage({ id: 'currency.adjust.title' })}
      explanation={<FormattedMessage id="currency.adjust.explain" />}
      fieldNames={['fromAccountId', 'toAccountId', 'amountMinor']}
      fields={
        <>
          <AccountPicker
            slug={slug}
            name="fromAccountId"
            isRequired
            extraAccounts={extraAccounts}
            label={<FormattedMessage id="currency.adjust.from" />}
          />
          <AccountPicker
            slug={slug}
            name="toAccountId"
            isRequired
            extraAccounts={extraAccounts}
            label={<FormattedMessage id="currency.adjust.to" />}
          />
          <AmountField
            name="amountMinor"
            unit={unit}
            isRequired
            label={<FormattedMessage id="currency.pay.amount" />}
          />
        </>
      }
      reasonHelp={<FormattedMessage id="currency.reverse.reason.help" />}
      submitLabel={<FormattedMessage id="currency.adjust.submit" />}
      toBody={(form, reason) => ({
        fromAccountId: form.text('fromAccountId'),
        toAccountId: form.text('toAccountId'),
        amountMinor: readAmount(form.text('amountMinor'), unit, intl.locale) ?? 0,
        reason,
      })}
      send={(body, key) => currencyApi.adjust(slug, body, key)}
      doneMessage={intl.formatMessage({ id: 'currency.adjust.done' })}
    />
  );
}
