/**
 * Asking another member for a payment: who should pay, how much, what for and, if it matters, by
 * when. A payer that trusts this account for the amount pays at once; otherwise the request waits
 * for the payer's representatives, who are told by mail.
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { readAmount } from '../currency/amount-field.tsx';
import { useFormatAmount } from '../currency/money.tsx';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { PaymentFields, paymentFieldErrors } from './payment-fields.tsx';
import { type NewRequest, type PaymentRequest, paymentRequestsApi } from './payment-requests-api.ts';
import { useCurrencyForm } from './use-currency-form.ts';

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly unit: CurrencyUnit;
}

export function RequestForm({ slug, accountId, unit }: Props) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const wordsOf = (request: PaymentRequest) => ({
    name: request.payerName,
    amount: format(request.amountMinor),
  });
  const {
    mutation: create,
    formRef,
    formKey,
    fieldErrors,
    formError,
  } = useCurrencyForm({
    slug,
    send: (body: NewRequest, key) => paymentRequestsApi.create(slug, accountId, body, key),
    fields: ['payerAccountId', 'amountMinor', 'description', 'dueOn'],
    done: (request) => intl.formatMessage({ id: outcomeOf(request) }, wordsOf(request)),
  });
  const sent = create.data;
  const earliest = today(getLocalTimeZone());

  return (
    <section aria-labelledby="new-request-heading" className="card stack">
      <h2 id="new-request-heading">
        <FormattedMessage id="requests.new.title" />
      </h2>
      {sent && (
        <SuccessAlert>
          <p>
            <FormattedMessage id={outcomeOf(sent)} values={wordsOf(sent)} />
          </p>
          {sent.autoPaymentRefusalMessage && (
            <p>
              <FormattedMessage
                id="requests.item.autoPaymentFailed"
                values={{ reason: sent.autoPaymentRefusalMessage }}
              />
            </p>
          )}
        </SuccessAlert>
      )}
      <Form
        key={formKey}
        ref={formRef}
        className="form"
        validationErrors={paymentFieldErrors(fieldErrors, { apiField: 'payerAccountId', name: 'payer' })}
        onSubmit={(event) => {
          const form = readForm(event);
          const amountMinor = readAmount(form.text('amount'), unit, intl.locale);
          if (amountMinor === null) return;
          create.mutate({
            payerAccountId: form.text('payer'),
            amountMinor,
            description: form.text('description').trim(),
            dueOn: form.text('dueOn') || null,
          });
        }}
      >
        <ErrorAlert error={formError} />
        <PaymentFields
          slug={slug}
          accountId={accountId}
          unit={unit}
          counterpart={{
            name: 'payer',
            label: <FormattedMessage id="requests.new.payer" />,
            help: <FormattedMessage id="requests.new.payer.help" />,
          }}
          descriptionLabel={<FormattedMessage id="requests.new.description" />}
          descriptionHelp={<FormattedMessage id="requests.new.description.help" />}
        />
        <DateField
          name="dueOn"
          isOptional
          label={<FormattedMessage id="requests.new.dueOn" />}
          validate={(value) =>
            value && value.compare(earliest) < 0
              ? intl.formatMessage({ id: 'requests.new.dueOn.past' })
              : null
          }
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>
            <FormattedMessage id="requests.new.submit" />
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

const outcomeOf = (request: PaymentRequest) =>
  request.status === 'paid' ? ('requests.new.paidAtOnce' as const) : ('requests.new.sent' as const);
