/**
 * What a coordinator may do with one account: change its credit limit or maximum balance, freeze
 * or unfreeze it — each with a reason the member reads in the wallet — and close the account of a
 * member that left once it is settled.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { useAccountName } from './account-name.ts';
import { ActionDialog } from './action-dialog.tsx';
import type { CurrencyUnit } from './amount.ts';
import { AmountField, readAmount } from './amount-field.tsx';
import { type Account, currencyApi } from './currency-api.ts';

interface Props {
  readonly slug: string;
  readonly account: Account;
  readonly unit: CurrencyUnit;
}

export function AccountActions({ slug, account, unit }: Props) {
  const intl = useIntl();
  const name = useAccountName()(account);
  const isSettled =
    account.balanceMinor === 0 && account.pendingDebitMinor === 0 && account.pendingCreditMinor === 0;
  const named = (
    id:
      | 'currency.limits.named'
      | 'currency.freeze.named'
      | 'currency.unfreeze.named'
      | 'currency.close.named',
  ) => intl.formatMessage({ id }, { name });

  return (
    <div className="button-row">
      {account.status !== 'closed' && (
        <ActionDialog
          slug={slug}
          trigger={{
            label: <FormattedMessage id="currency.limits" />,
            ariaLabel: named('currency.limits.named'),
          }}
          title={named('currency.limits.named')}
          explanation={<FormattedMessage id="currency.limits.explain" />}
          fieldNames={['creditLimitMinor', 'maxBalanceMinor']}
          fields={
            <>
              <AmountField
                name="creditLimitMinor"
                unit={unit}
                allowZero
                isRequired
                defaultMinor={account.creditLimitMinor}
                label={<FormattedMessage id="currency.creditLimit" />}
              />
              <AmountField
                name="maxBalanceMinor"
                unit={unit}
                isOptional
                defaultMinor={account.maxBalanceMinor}
                label={<FormattedMessage id="currency.maxBalance" />}
                description={<FormattedMessage id="currency.settings.maxBalance.help" />}
              />
            </>
          }
          submitLabel={<FormattedMessage id="currency.limits.submit" />}
          toBody={(form, reason) => ({
            creditLimitMinor: readAmount(form.text('creditLimitMinor'), unit, intl.locale) ?? 0,
            maxBalanceMinor: readAmount(form.text('maxBalanceMinor'), unit, intl.locale),
            reason,
          })}
          send={(body, key) => currencyApi.changeAccount(slug, account.id, body, key)}
          doneMessage={intl.formatMessage({ id: 'currency.limits.done' }, { name })}
        />
      )}
      {account.status === 'active' && (
        <ActionDialog
          slug={slug}
          trigger={{
            label: <FormattedMessage id="currency.freeze" />,
            ariaLabel: named('currency.freeze.named'),
          }}
          title={named('currency.freeze.named')}
          explanation={<FormattedMessage id="currency.freeze.explain" />}
          submitLabel={<FormattedMessage id="currency.freeze" />}
          isDestructive
          toBody={(_form, reason) => ({ status: 'frozen' as const, reason })}
          send={(body, key) => currencyApi.changeAccount(slug, account.id, body, key)}
          doneMessage={intl.formatMessage({ id: 'currency.freeze.done' }, { name })}
        />
      )}
      {account.status === 'frozen' && (
        <ActionDialog
          slug={slug}
          trigger={{
            label: <FormattedMessage id="currency.unfreeze" />,
            ariaLabel: named('currency.unfreeze.named'),
          }}
          title={named('currency.unfreeze.named')}
          explanation={<FormattedMessage id="currency.unfreeze.explain" />}
          submitLabel={<FormattedMessage id="currency.unfreeze" />}
          toBody={(_form, reason) => ({ status: 'active' as const, reason })}
          send={(body, key) => currencyApi.changeAccount(slug, account.id, body, key)}
          doneMessage={intl.formatMessage({ id: 'currency.unfreeze.done' }, { name })}
        />
      )}
      {account.status === 'closing' && isSettled && (
        <ActionDialog
          slug={slug}
          trigger={{
            label: <FormattedMessage id="currency.close" />,
            ariaLabel: named('currency.close.named'),
          }}
          title={named('currency.close.named')}
          explanation={<FormattedMessage id="currency.close.explain" />}
          hasReason={false}
          submitLabel={<FormattedMessage id="currency.close" />}
          isDestructive
          toBody={() => null}
          send={(_body, key) => currencyApi.closeAccount(slug, account.id, key)}
          doneMessage={intl.formatMessage({ id: 'currency.close.done' }, { name })}
        />
      )}
    </div>
  );
}
