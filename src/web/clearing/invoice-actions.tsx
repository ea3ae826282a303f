/** What can be done to one invoice: the creditor records a payment, either side withdraws it. */
import { FormattedMessage, useIntl } from 'react-intl';
import { AmountField, readAmount } from '../currency/amount-field.tsx';
import { clearingApi, type Invoice } from './clearing-api.ts';
import { ClearingDialog } from './clearing-dialog.tsx';
import { EURO, useEuroFormat } from './euros.tsx';

function useInvoiceWords(invoice: Invoice) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  return {
    debtor: invoice.debtor.name,
    creditor: invoice.creditor.name,
    amount: euros(invoice.amountCents),
    outstanding: euros(invoice.outstandingCents),
    reference:
      invoice.reference || intl.formatDate(invoice.issuedOn, { dateStyle: 'medium', timeZone: 'UTC' }),
  };
}

export function MarkPaidDialog({ slug, invoice }: { slug: string; invoice: Invoice }) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  const words = useInvoiceWords(invoice);
  return (
    <ClearingDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="clearing.pay.open" />,
        ariaLabel: intl.formatMessage({ id: 'clearing.pay.named' }, words),
        className: 'button button--secondary button--small',
      }}
      title={intl.formatMessage({ id: 'clearing.pay.title' }, words)}
      explanation={
        <p>
          <FormattedMessage id="clearing.pay.explain" values={words} />
        </p>
      }
      fields={
        <AmountField
          name="amountCents"
          unit={EURO}
          isRequired
          defaultMinor={invoice.outstandingCents}
          label={<FormattedMessage id="clearing.pay.amount" />}
        />
      }
      fieldNames={['amountCents']}
      submitLabel={<FormattedMessage id="clearing.pay.submit" />}
      toBody={(form) => ({ amountCents: readAmount(form.text('amountCents'), EURO, intl.locale) ?? 0 })}
      send={(body, key) => clearingApi.markPaid(slug, invoice.id, body.amountCents, key)}
      doneMessage={(updated) =>
        intl.formatMessage({ id: 'clearing.pay.done' }, { outstanding: euros(updated.outstandingCents) })
      }
    />
  );
}

export function WithdrawInvoiceDialog({ slug, invoice }: { slug: string; invoice: Invoice }) {
  const intl = useIntl();
  const words = useInvoiceWords(invoice);
  return (
    <ClearingDialog
      slug={slug}
      isDestructive
      trigger={{
        label: <FormattedMessage id="clearing.withdraw.open" />,
        ariaLabel: intl.formatMessage({ id: 'clearing.withdraw.named' }, words),
        className: 'button button--quiet button--small',
      }}
      title={intl.formatMessage({ id: 'clearing.withdraw.title' }, words)}
      explanation={
        <p>
          <FormattedMessage id="clearing.withdraw.explain" />
        </p>
      }
      submitLabel={<FormattedMessage id="clearing.withdraw.submit" />}
      toBody={() => null}
      send={(_body, key) => clearingApi.withdraw(slug, invoice.id, key)}
      doneMessage={() => intl.formatMessage({ id: 'clearing.withdraw.done' }, words)}
    />
  );
}
