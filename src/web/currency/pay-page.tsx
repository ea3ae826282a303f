/**
 * Paying another member, in three steps: whom, how much and what for; a confirmation that shows
 * the fee and the balance after the payment (nothing is written yet); then the payment, sent with
 * one idempotency key per intention — a retry after an error or a lost answer never pays twice.
 */
import './currency.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { AccountPicker } from './account-picker.tsx';
import { type CurrencyUnit, parseAmount } from './amount.ts';
import { AmountField } from './amount-field.tsx';
import {
  currencyApi,
  currencyKeys,
  type Payee,
  type Payment,
  type Quote,
  type Wallet,
} from './currency-api.ts';
import { Money, useFormatAmount } from './money.tsx';
import { useAccountPage } from './use-account-page.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

const DESCRIPTION_MAX_LENGTH = 500;

interface Draft {
  readonly payee: Payee | null;
  readonly amountText: string;
  readonly description: string;
}

type Step =
  | { readonly name: 'edit' }
  | { readonly name: 'confirm'; readonly amountMinor: number; readonly quote: Quote }
  | { readonly name: 'done'; readonly payment: Payment; readonly payeeName: string };

export function PayPage({ slug, accountId }: { slug: string; accountId: string }) {
  const intl = useIntl();
  const { clusterName, currency, wallet, name, isPending, error } = useAccountPage(slug, accountId);
  const title = intl.formatMessage({ id: 'currency.pay.title' });

  return (
    <Page
      title={clusterName && name ? [title, name, clusterName] : null}
      heading={<FormattedMessage id="currency.pay.title" />}
      eyebrow={name}
      width="medium"
    >
      <div className="stack-lg">
        {isPending && <Loading />}
        <ErrorAlert error={error} />
        {currency && wallet && !wallet.mayAct && (
          <div className="alert alert--info">
            <p>
              <FormattedMessage id="currency.pay.notYours" />
            </p>
          </div>
        )}
        {currency && wallet?.mayAct && <PaymentSteps slug={slug} unit={currency} wallet={wallet} />}
        <p>
          <Link href={paths.wallet(slug, accountId)}>
            <FormattedMessage id="currency.backToWallet" />
          </Link>
        </p>
      </div>
    </Page>
  );
}

function PaymentSteps({ slug, unit, wallet }: { slug: string; unit: CurrencyUnit; wallet: Wallet }) {
  const [draft, setDraft] = useState<Draft>({ payee: null, amountText: '', description: '' });
  const [step, setStep] = useState<Step>({ name: 'edit' });
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);

  // Each step says where the reader is: its heading takes the focus (and is read out).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves when the step changes.
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step.name]);

  if (step.name === 'done') {
    return (
      <Done
        headingRef={stepHeading}
        unit={unit}
        payment={step.payment}
        payeeName={step.payeeName}
        slug={slug}
        accountId={wallet.id}
        onAnother={() => {
          setDraft({ payee: null, amountText: '', description: '' });
          setStep({ name: 'edit' });
        }}
      />
    );
  }
  if (step.name === 'confirm') {
    return (
      <Confirm
        headingRef={stepHeading}
        slug={slug}
        unit={unit}
        wallet={wallet}
        draft={draft}
        amountMinor={step.amountMinor}
        quote={step.quote}
        onBack={() => setStep({ name: 'edit' })}
        onPaid={(payment) => setStep({ name: 'done', payment, payeeName: step.quote.payeeName })}
      />
    );
  }
  return (
    <Edit
      headingRef={stepHeading}
      slug={slug}
      unit={unit}
      wallet={wallet}
      draft={draft}
      onChange={setDraft}
      onQuoted={(amountMinor, quote) => setStep({ name: 'confirm', amountMinor, quote })}
    />
  );
}

interface StepProps {
  readonly headingRef: React.RefObject<HTMLHeadingElement | null>;
}

function Edit({
  headingRef,
  slug,
  unit,
  wallet,
  draft,
  onChange,
  onQuoted,
}: StepProps & {
  slug: string;
  unit: CurrencyUnit;
  wallet: Wallet;
  draft: Draft;
  onChange: (draft: Draft) => void;
  onQuoted: (amountMinor: number, quote: Quote) => void;
}) {
  const intl = useIntl();
  const formRef = useRef<HTMLFormElement>(null);
  const quote = useMutation({
    mutationFn: ({ payee, amountMinor }: { payee: Payee; amountMinor: number }) =>
      currencyApi.quote(slug, wallet.id, payee.accountId, amountMinor),
    onSuccess: (result, { amountMinor }) => onQuoted(amountMinor, result),
  });
  const { fieldErrors, formError } = placeApiError(quote.error, ['toAccountId', 'amountMinor']);
  useFocusFirstInvalid(formRef, quote.error);

  return (
    <div className="card stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="currency.pay.step.edit" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="currency.pay.available"
          values={{ amount: <Money minor={wallet.availableMinor} unit={unit} /> }}
        />
      </p>
      <Form
        ref={formRef}
        className="form"
        validationErrors={{
          ...fieldErrors,
          ...(fieldErrors.toAccountId ? { payee: fieldErrors.toAccountId } : {}),
          ...(fieldErrors.amountMinor ? { amount: fieldErrors.amountMinor } : {}),
        }}
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseAmount(draft.amountText, unit.decimals, intl.locale);
          if (!draft.payee || !parsed.ok) return;
          quote.mutate({ payee: draft.payee, amountMinor: parsed.minor });
        }}
      >
        <ErrorAlert error={formError} />
        <AccountPicker
          slug={slug}
          name="payee"
          isRequired
          excludeAccountId={wallet.id}
          initial={draft.payee}
          onPick={(payee) => onChange({ ...draft, payee })}
          label={<FormattedMessage id="currency.pay.payee" />}
          description={<FormattedMessage id="currency.pay.payee.help" />}
        />
        <AmountField
          name="amount"
          unit={unit}
          isRequired
          value={draft.amountText}
          onChange={(amountText) => onChange({ ...draft, amountText })}
          label={<FormattedMessage id="currency.pay.amount" />}
        />
        <TextField
          name="description"
          isMultiline
          rows={3}
          isOptional
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={draft.description}
          onChange={(description) => onChange({ ...draft, description })}
          label={<FormattedMessage id="currency.pay.description" />}
          description={<FormattedMessage id="currency.pay.description.help" />}
        />
        <div className="form-actions">
          <SubmitButton isPending={quote.isPending}>
            <FormattedMessage id="currency.pay.review" />
          </SubmitButton>
        </div>
      </Form>
    </div>
  );
}

function Confirm({
  headingRef,
  slug,
  unit,
  wallet,
  draft,
  amountMinor,
  quote,
  onBack,
  onPaid,
}: StepProps & {
  slug: string;
  unit: CurrencyUnit;
  wallet: Wallet;
  draft: Draft;
  amountMinor: number;
  quote: Quote;
  onBack: () => void;
  onPaid: (payment: Payment) => void;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const format = useFormatAmount(unit);
  const { keyFor, renew } = useIdempotencyKey();
  const body = {
    toAccountId: draft.payee?.accountId ?? '',
    amountMinor,
    description: draft.description.trim(),
  };
  const pay = useMutation({
    mutationFn: () => currencyApi.pay(slug, wallet.id, body, keyFor(body)),
    onSuccess: async (payment) => {
      renew();
      await queryClient.invalidateQueries({ queryKey: currencyKeys.all(slug) });
      onPaid(payment);
      announce(
        intl.formatMessage(
          { id: 'currency.pay.done' },
          { amount: format(amountMinor), name: quote.payeeName, balance: format(payment.balanceAfterMinor) },
        ),
      );
    },
  });
  const refusal = refusalMessage(quote.refusal);

  return (
    <div className="card stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="currency.pay.step.confirm" />
      </h2>
      <dl className="summary">
        <div>
          <dt>
            <FormattedMessage id="currency.pay.payee" />
          </dt>
          <dd>{quote.payeeName}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.pay.amount" />
          </dt>
          <dd>
            <Money minor={amountMinor} unit={unit} />
          </dd>
        </div>
        {body.description && (
          <div>
            <dt>
              <FormattedMessage id="currency.pay.description" />
            </dt>
            <dd className="keep-lines">{body.description}</dd>
          </div>
        )}
        <div>
          <dt>
            <FormattedMessage id="currency.pay.fee" />
          </dt>
          <dd>
            <Money minor={quote.feeMinor} unit={unit} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.pay.balanceNow" />
          </dt>
          <dd>
            <Money minor={wallet.balanceMinor} unit={unit} />
          </dd>
        </div>
        <div className="summary__total">
          <dt>
            <FormattedMessage id="currency.pay.balanceAfter" />
          </dt>
          <dd>
            <Money minor={quote.balanceAfterMinor} unit={unit} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.pay.availableAfter" />
          </dt>
          <dd>
            <Money minor={quote.availableAfterMinor} unit={unit} />
          </dd>
        </div>
      </dl>
      {refusal ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">
            <FormattedMessage id="currency.pay.refused" />
          </p>
          <p>
            <FormattedMessage id={refusal} />
          </p>
        </div>
      ) : (
        <p>
          <FormattedMessage id="currency.pay.confirmText" />
        </p>
      )}
      <ErrorAlert error={pay.error} />
      <div className="form-actions">
        {!refusal && (
          <Button
            className="button"
            onPress={() => {
              if (!pay.isPending) pay.mutate();
            }}
          >
            {pay.isPending ? (
              <FormattedMessage id="form.sending" />
            ) : (
              <FormattedMessage
                id="currency.pay.submit"
                values={{ amount: format(amountMinor + quote.feeMinor) }}
              />
            )}
          </Button>
        )}
        <Button
          className="button button--secondary"
          onPress={() => {
            if (!pay.isPending) onBack();
          }}
        >
          <FormattedMessage id="currency.pay.change" />
        </Button>
      </div>
    </div>
  );
}

const REFUSALS: Readonly<Record<string, MessageId>> = {
  'currency.limit_exceeded': 'currency.refusal.limitExceeded',
  'currency.max_balance_exceeded': 'currency.refusal.maxBalanceExceeded',
  'currency.account_frozen': 'currency.refusal.frozen',
  'currency.account_closed': 'currency.refusal.closed',
  'currency.leaving_member_cannot_receive': 'currency.refusal.leaving',
  'currency.same_account': 'currency.refusal.sameAccount',
  'currency.amount_invalid': 'currency.refusal.amountInvalid',
};

function refusalMessage(code: string | null): MessageId | null {
  if (code === null) return null;
  return REFUSALS[code] ?? 'currency.refusal.other';
}

function Done({
  headingRef,
  unit,
  payment,
  payeeName,
  slug,
  accountId,
  onAnother,
}: StepProps & {
  unit: CurrencyUnit;
  payment: Payment;
  payeeName: string;
  slug: string;
  accountId: string;
  onAnother: () => void;
}) {
  return (
    <div className="card stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="currency.pay.step.done" />
      </h2>
      <SuccessAlert>
        <p>
          <FormattedMessage
            id="currency.pay.doneText"
            values={{
              amount: <Money minor={payment.transfer.amountMinor} unit={unit} />,
              name: payeeName,
              balance: <Money minor={payment.balanceAfterMinor} unit={unit} />,
            }}
          />
        </p>
      </SuccessAlert>
      <div className="button-row">
        <Link className="button" href={paths.wallet(slug, accountId)}>
          <FormattedMessage id="currency.backToWallet" />
        </Link>
        <Button className="button button--secondary" onPress={onAnother}>
          <FormattedMessage id="currency.pay.another" />
        </Button>
      </div>
    </div>
  );
}
