/**
 * Records an invoice one member owes another, in euros: a representative names their own
 * organisation on one side (it is offered first), a coordinator any two members.
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { FormattedMessage, useIntl } from 'react-intl';
import { AmountField, readAmount } from '../currency/amount-field.tsx';
import { DateField } from '../platform/forms/date-field.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { clearingApi, type InvoiceInput, type Party } from './clearing-api.ts';
import { ClearingDialog } from './clearing-dialog.tsx';
import { EURO, useEuroFormat } from './euros.tsx';
import { OrganisationPicker } from './organisation-picker.tsx';

const REFERENCE_MAX_LENGTH = 80;

export function RecordInvoiceDialog({ slug, own }: { slug: string; own: readonly Party[] }) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  const now = today(getLocalTimeZone());
  return (
    <ClearingDialog
      slug={slug}
      trigger={{ label: <FormattedMessage id="clearing.record.open" />, className: 'button' }}
      title={intl.formatMessage({ id: 'clearing.record.title' })}
      explanation={
        <p>
          <FormattedMessage id="clearing.record.explain" />
        </p>
      }
      fields={
        <>
          <OrganisationPicker
            slug={slug}
            name="debtorOrganisationId"
            own={own}
            isRequired
            label={<FormattedMessage id="clearing.record.debtor" />}
          />
          <OrganisationPicker
            slug={slug}
            name="creditorOrganisationId"
            own={own}
            isRequired
            label={<FormattedMessage id="clearing.record.creditor" />}
          />
          <AmountField
            name="amountCents"
            unit={EURO}
            isRequired
            label={<FormattedMessage id="clearing.record.amount" />}
          />
          <TextField
            name="reference"
            isOptional
            maxLength={REFERENCE_MAX_LENGTH}
            label={<FormattedMessage id="clearing.record.reference" />}
            description={<FormattedMessage id="clearing.record.reference.help" />}
          />
          <DateField
            name="issuedOn"
            isRequired
            defaultValue={now}
            maxValue={now}
            label={<FormattedMessage id="clearing.record.issuedOn" />}
          />
          <DateField name="dueOn" isOptional label={<FormattedMessage id="clearing.record.dueOn" />} />
        </>
      }
      fieldNames={[
        'debtorOrganisationId',
        'creditorOrganisationId',
        'amountCents',
        'reference',
        'issuedOn',
        'dueOn',
      ]}
      submitLabel={<FormattedMessage id="clearing.record.submit" />}
      toBody={(form): InvoiceInput => ({
        debtorOrganisationId: form.text('debtorOrganisationId'),
        creditorOrganisationId: form.text('creditorOrganisationId'),
        amountCents: readAmount(form.text('amountCents'), EURO, intl.locale) ?? 0,
        reference: form.text('reference').trim(),
        issuedOn: form.text('issuedOn'),
        dueOn: form.text('dueOn') || null,
      })}
      send={(body, key) => clearingApi.record(slug, body, key)}
      doneMessage={(invoice) =>
        intl.formatMessage(
          { id: 'clearing.record.done' },
          {
            debtor: invoice.debtor.name,
            creditor: invoice.creditor.name,
            amount: euros(invoice.amountCents),
          },
        )
      }
    />
  );
}
