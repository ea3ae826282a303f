/**
 * An account's recurring payments: those it makes and those it receives, each with its rhythm,
 * its next date and how its last payment went; its representatives set up a new one or cancel
 * one. The server pays each occurrence on its day; one the currency refuses is not retried, and
 * the representatives are told by mail.
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionDialog } from '../currency/action-dialog.tsx';
import type { CurrencyUnit } from '../currency/amount.ts';
import { readAmount } from '../currency/amount-field.tsx';
import { Money, useFormatAmount } from '../currency/money.tsx';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import { PagedItems } from './paged-items.tsx';
import { PaymentFields, paymentFieldErrors } from './payment-fields.tsx';
import {
  type Interval,
  type NewRecurringPayment,
  paymentRequestsApi,
  type RecurringPayment,
  useRecurringPayments,
} from './payment-requests-api.ts';
import { StatusBadge } from './status-badge.tsx';
import { useCurrencyForm } from './use-currency-form.ts';
import { WalletSubpage } from './wallet-subpage.tsx';

const INTERVALS: readonly Interval[] = ['week', 'month', 'quarter', 'year'];

export function RecurringPage({ slug, accountId }: { slug: string; accountId: string }) {
  return (
    <WalletSubpage slug={slug} accountId={accountId} titleId="recurring.title" leadId="recurring.lead">
      {({ unit, wallet }) => (
        <>
          <RecurringList slug={slug} accountId={accountId} unit={unit} mayAct={wallet.mayAct} />
          {wallet.mayAct && <RecurringForm slug={slug} accountId={accountId} unit={unit} />}
        </>
      )}
    </WalletSubpage>
  );
}

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly unit: CurrencyUnit;
}

function RecurringList({ slug, accountId, unit, mayAct }: Props & { mayAct: boolean }) {
  const recurring = useRecurringPayments(slug, accountId);
  return (
    <section aria-labelledby="recurring-heading" className="stack">
      <h2 id="recurring-heading">
        <FormattedMessage id="recurring.list.title" />
      </h2>
      <PagedItems query={recurring} empty={<FormattedMessage id="recurring.none" />}>
        {(payment) => (
          <RecurringItem key={payment.id} slug={slug} payment={payment} unit={unit} mayAct={mayAct} />
        )}
      </PagedItems>
    </section>
  );
}

function RecurringItem({
  slug,
  payment,
  unit,
  mayAct,
}: {
  slug: string;
  payment: RecurringPayment;
  unit: CurrencyUnit;
  mayAct: boolean;
}) {
  const isOutgoing = payment.direction === 'outgoing';
  const last = payment.lastOccurrence;
  return (
    <li>
      <div className="item-list__main">
        <p className="item-list__title">
          <FormattedMessage
            id={isOutgoing ? 'recurring.item.to' : 'recurring.item.from'}
            values={{ name: isOutgoing ? payment.payeeName : payment.payerName }}
          />
        </p>
        <p className="request__description">{payment.description}</p>
        <p className="item-list__meta">
          <FormattedMessage
            id={`recurring.every.${payment.every}`}
            values={{ date: <CalendarDate value={payment.firstDueOn} /> }}
          />
          {payment.endsOn && (
            <>
              {' · '}
              <FormattedMessage
                id="recurring.item.until"
                values={{ date: <CalendarDate value={payment.endsOn} /> }}
              />
            </>
          )}
          {payment.nextDueOn && last && (
            <>
              {' · '}
              <FormattedMessage
                id="recurring.item.next"
                values={{ date: <CalendarDate value={payment.nextDueOn} /> }}
              />
            </>
          )}
        </p>
        {last && (
          <p className="item-list__meta">
            <FormattedMessage
              id={
                last.outcome === 'failed'
                  ? 'recurring.item.lastFailed'
                  : last.paidLateAt
                    ? 'recurring.item.lastPaidLate'
                    : 'recurring.item.lastPaid'
              }
              values={{ date: <CalendarDate value={last.dueOn} /> }}
            />
          </p>
        )}
      </div>
      <div className="request__side">
        <p className="request__amount">
          <Money minor={payment.amountMinor} unit={unit} />
        </p>
        <StatusBadge status={payment.status} />
        {mayAct && isOutgoing && last?.outcome === 'failed' && (
          <PayRefusedDialog slug={slug} payment={payment} dueOn={last.dueOn} unit={unit} />
        )}
        {mayAct && isOutgoing && payment.status === 'active' && (
          <CancelRecurringDialog slug={slug} payment={payment} unit={unit} />
        )}
      </div>
      {payment.lastFailureMessage && (
        <div className="alert alert--warning request__notice">
          <p>
            <FormattedMessage id="recurring.item.failure" values={{ reason: payment.lastFailureMessage }} />
          </p>
        </div>
      )}
    </li>
  );
}

/** Pays the refused occurrence now, once the account has room; the limits apply as on its day. */
function PayRefusedDialog({
  slug,
  payment,
  dueOn,
  unit,
}: {
  slug: string;
  payment: RecurringPayment;
  dueOn: string;
  unit: CurrencyUnit;
}) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const words = {
    name: payment.payeeName,
    amount: format(payment.amountMinor),
    date: intl.formatDate(`${dueOn}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
  };
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="recurring.payRefused" />,
        ariaLabel: intl.formatMessage({ id: 'recurring.payRefused.named' }, words),
      }}
      title={intl.formatMessage({ id: 'recurring.payRefused.title' }, words)}
      explanation={<FormattedMessage id="recurring.payRefused.explain" values={words} />}
      hasReason={false}
      submitLabel={<FormattedMessage id="recurring.payRefused.submit" values={words} />}
      toBody={() => ({ recurringId: payment.id, dueOn })}
      send={(_body, key) => paymentRequestsApi.payRefusedOccurrence(slug, payment.id, dueOn, key)}
      doneMessage={intl.formatMessage({ id: 'recurring.payRefused.done' }, words)}
    />
  );
}

function CancelRecurringDialog({
  slug,
  payment,
  unit,
}: {
  slug: string;
  payment: RecurringPayment;
  unit: CurrencyUnit;
}) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const words = { name: payment.payeeName, amount: format(payment.amountMinor) };
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="recurring.cancel" />,
        ariaLabel: intl.formatMessage({ id: 'recurring.cancel.named' }, words),
      }}
      title={intl.formatMessage({ id: 'recurring.cancel.title' }, words)}
      explanation={<FormattedMessage id="recurring.cancel.explain" values={words} />}
      hasReason={false}
      isDestructive
      submitLabel={<FormattedMessage id="recurring.cancel.submit" />}
      toBody={() => ({ recurringId: payment.id })}
      send={(_body, key) => paymentRequestsApi.cancelRecurring(slug, payment.id, key)}
      doneMessage={intl.formatMessage({ id: 'recurring.cancel.done' }, words)}
    />
  );
}

function RecurringForm({ slug, accountId, unit }: Props) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const {
    mutation: create,
    formRef,
    formKey,
    fieldErrors,
    formError,
  } = useCurrencyForm({
    slug,
    send: (body: NewRecurringPayment, key) => paymentRequestsApi.createRecurring(slug, accountId, body, key),
    fields: ['toAccountId', 'amountMinor', 'description', 'every', 'firstDueOn', 'endsOn'],
    done: (payment) =>
      intl.formatMessage(
        { id: 'recurring.created' },
        { name: payment.payeeName, amount: format(payment.amountMinor) },
      ),
  });
  const earliest = today(getLocalTimeZone());

  return (
    <section aria-labelledby="new-recurring-heading" className="card stack">
      <h2 id="new-recurring-heading">
        <FormattedMessage id="recurring.new.title" />
      </h2>
      <Form
        key={formKey}
        ref={formRef}
        className="form"
        validationErrors={paymentFieldErrors(fieldErrors, { apiField: 'toAccountId', name: 'payee' })}
        onSubmit={(event) => {
          const form = readForm(event);
          const amountMinor = readAmount(form.text('amount'), unit, intl.locale);
          if (amountMinor === null) return;
          create.mutate({
            toAccountId: form.text('payee'),
            amountMinor,
            description: form.text('description').trim(),
            every: form.text('every') as Interval,
            firstDueOn: form.text('firstDueOn'),
            endsOn: form.text('endsOn') || null,
          });
        }}
      >
        <ErrorAlert error={formError} />
        <PaymentFields
          slug={slug}
          accountId={accountId}
          unit={unit}
          counterpart={{ name: 'payee', label: <FormattedMessage id="currency.pay.payee" /> }}
          descriptionLabel={<FormattedMessage id="currency.pay.description" />}
          descriptionHelp={<FormattedMessage id="recurring.new.description.help" />}
        />
        <RadioGroupField
          name="every"
          isRequired
          defaultValue="month"
          label={<FormattedMessage id="recurring.new.every" />}
          options={INTERVALS.map((id) => ({
            id,
            label: intl.formatMessage({ id: `recurring.interval.${id}` }),
          }))}
        />
        <DateField
          name="firstDueOn"
          isRequired
          defaultValue={earliest}
          label={<FormattedMessage id="recurring.new.firstDueOn" />}
          description={<FormattedMessage id="recurring.new.firstDueOn.help" />}
          validate={(value) =>
            value && value.compare(earliest) < 0
              ? intl.formatMessage({ id: 'recurring.new.firstDueOn.past' })
              : null
          }
        />
        <DateField
          name="endsOn"
          isOptional
          label={<FormattedMessage id="recurring.new.endsOn" />}
          description={<FormattedMessage id="recurring.new.endsOn.help" />}
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>
            <FormattedMessage id="recurring.new.submit" />
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
