/**
 * What the two sides of an open request may do, each in a dialog: the payer accepts (after seeing
 * the fee and the balance the payment would leave) or declines with an optional reason; the
 * requester withdraws it. Every write carries one idempotency key per intention.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionDialog } from '../currency/action-dialog.tsx';
import type { CurrencyUnit } from '../currency/amount.ts';
import { useWallet } from '../currency/currency-api.ts';
import { Money, useFormatAmount } from '../currency/money.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { type PaymentRequest, paymentRequestsApi, useAcceptQuote } from './payment-requests-api.ts';

const REASON_MAX_LENGTH = 500;

interface Props {
  readonly slug: string;
  readonly request: PaymentRequest;
  readonly unit: CurrencyUnit;
}

/** The names the dialogs speak of: the other side and the amount. */
function useRequestWords(request: PaymentRequest, unit: CurrencyUnit) {
  const format = useFormatAmount(unit);
  return {
    name: request.direction === 'incoming' ? request.payeeName : request.payerName,
    amount: format(request.amountMinor),
  };
}

export function AcceptRequestDialog({ slug, request, unit }: Props) {
  const intl = useIntl();
  const words = useRequestWords(request, unit);
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="requests.accept" />,
        ariaLabel: intl.formatMessage({ id: 'requests.accept.named' }, words),
        className: 'button button--small',
      }}
      title={intl.formatMessage({ id: 'requests.accept.title' }, words)}
      fields={<AcceptSummary slug={slug} request={request} unit={unit} />}
      hasReason={false}
      submitLabel={<FormattedMessage id="requests.accept.submit" values={words} />}
      toBody={() => ({ requestId: request.id })}
      send={(_body, key) => paymentRequestsApi.accept(slug, request.id, key)}
      doneMessage={intl.formatMessage({ id: 'requests.accept.done' }, words)}
    />
  );
}

/** The payment the acceptance makes, as the currency would book it now; nothing is written yet. */
function AcceptSummary({ slug, request, unit }: Props) {
  const quote = useAcceptQuote(slug, request);
  const wallet = useWallet(slug, request.payerAccountId);
  if (quote.isPending || wallet.isPending) return <Loading />;
  if (quote.isError || wallet.isError) return <ErrorAlert error={quote.error ?? wallet.error} />;
  const refusal = quote.data.refusal ? (REFUSALS[quote.data.refusal] ?? 'currency.refusal.other') : null;
  const rows: readonly [MessageId, number][] = [
    ['currency.pay.amount', request.amountMinor],
    ['currency.pay.fee', quote.data.feeMinor],
    ['currency.pay.balanceNow', wallet.data.balanceMinor],
  ];
  return (
    <>
      <p className="request__description">{request.description}</p>
      <dl className="summary">
        {rows.map(([label, minor]) => (
          <div key={label}>
            <dt>
              <FormattedMessage id={label} />
            </dt>
            <dd>
              <Money minor={minor} unit={unit} />
            </dd>
          </div>
        ))}
        <div className="summary__total">
          <dt>
            <FormattedMessage id="currency.pay.balanceAfter" />
          </dt>
          <dd>
            <Money minor={quote.data.balanceAfterMinor} unit={unit} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.pay.availableAfter" />
          </dt>
          <dd>
            <Money minor={quote.data.availableAfterMinor} unit={unit} />
          </dd>
        </div>
      </dl>
      {refusal && (
        <div className="alert alert--error">
          <p className="alert__title">
            <FormattedMessage id="currency.pay.refused" />
          </p>
          <p>
            <FormattedMessage id={refusal} />
          </p>
        </div>
      )}
    </>
  );
}

// The quote names the ledger rule a payment would break; the currency's messages say it in words.
const REFUSALS: Readonly<Record<string, MessageId>> = {
  'currency.limit_exceeded': 'currency.refusal.limitExceeded',
  'currency.max_balance_exceeded': 'currency.refusal.maxBalanceExceeded',
  'currency.account_frozen': 'currency.refusal.frozen',
  'currency.account_closed': 'currency.refusal.closed',
  'currency.leaving_member_cannot_receive': 'currency.refusal.leaving',
};

export function DeclineRequestDialog({ slug, request, unit }: Props) {
  const intl = useIntl();
  const words = useRequestWords(request, unit);
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="requests.decline" />,
        ariaLabel: intl.formatMessage({ id: 'requests.decline.named' }, words),
      }}
      title={intl.formatMessage({ id: 'requests.decline.title' }, words)}
      explanation={<FormattedMessage id="requests.decline.explain" values={words} />}
      fields={
        <TextField
          name="reason"
          isMultiline
          rows={3}
          isOptional
          maxLength={REASON_MAX_LENGTH}
          label={<FormattedMessage id="requests.decline.reason" />}
          description={<FormattedMessage id="requests.decline.reason.help" />}
        />
      }
      hasReason={false}
      isDestructive
      submitLabel={<FormattedMessage id="requests.decline.submit" />}
      toBody={(form) => ({ reason: form.text('reason').trim() })}
      send={(body, key) => paymentRequestsApi.decline(slug, request.id, body.reason, key)}
      doneMessage={intl.formatMessage({ id: 'requests.decline.done' }, words)}
    />
  );
}

export function WithdrawRequestDialog({ slug, request, unit }: Props) {
  const intl = useIntl();
  const words = useRequestWords(request, unit);
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="requests.withdraw" />,
        ariaLabel: intl.formatMessage({ id: 'requests.withdraw.named' }, words),
      }}
      title={intl.formatMessage({ id: 'requests.withdraw.title' }, words)}
      explanation={<FormattedMessage id="requests.withdraw.explain" values={words} />}
      hasReason={false}
      isDestructive
      submitLabel={<FormattedMessage id="requests.withdraw.submit" />}
      toBody={() => ({ requestId: request.id })}
      send={(_body, key) => paymentRequestsApi.withdraw(slug, request.id, key)}
      doneMessage={intl.formatMessage({ id: 'requests.withdraw.done' }, words)}
    />
  );
}
