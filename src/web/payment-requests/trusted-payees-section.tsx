/**
 * The members whose requests this account pays without being asked each time, each up to an
 * amount: add one (or change its amount by adding it again), or stop. Only requests made after
 * the choice are paid by it; a larger one waits for a decision as usual.
 */
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { AccountPicker } from '../currency/account-picker.tsx';
import { ActionDialog } from '../currency/action-dialog.tsx';
import type { CurrencyUnit } from '../currency/amount.ts';
import { AmountField, readAmount } from '../currency/amount-field.tsx';
import { Money, useFormatAmount } from '../currency/money.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { PagedItems } from './paged-items.tsx';
import { paymentRequestsApi, type TrustedPayee, useTrustedPayees } from './payment-requests-api.ts';
import { useCurrencyForm } from './use-currency-form.ts';

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly unit: CurrencyUnit;
}

export function TrustedPayeesSection({ slug, accountId, unit }: Props) {
  const trusted = useTrustedPayees(slug, accountId);
  return (
    <section aria-labelledby="trusted-heading" className="card stack">
      <h2 id="trusted-heading">
        <FormattedMessage id="trusted.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="trusted.explain" />
      </p>
      <PagedItems query={trusted} empty={<FormattedMessage id="trusted.none" />}>
        {(payee) => (
          <li key={payee.payeeAccountId}>
            <div className="item-list__main">
              <p className="item-list__title">{payee.payeeName}</p>
              <p className="item-list__meta">
                <FormattedMessage
                  id="trusted.upTo"
                  values={{ amount: <Money minor={payee.maxAmountMinor} unit={unit} /> }}
                />
              </p>
            </div>
            <RemoveTrustDialog slug={slug} accountId={accountId} payee={payee} unit={unit} />
          </li>
        )}
      </PagedItems>
      <TrustForm slug={slug} accountId={accountId} unit={unit} />
    </section>
  );
}

function TrustForm({ slug, accountId, unit }: Props) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const {
    mutation: trust,
    formRef,
    formKey,
    fieldErrors,
    formError,
  } = useCurrencyForm({
    slug,
    send: (body: { payeeAccountId: string; maxAmountMinor: number }, key) =>
      paymentRequestsApi.trust(slug, accountId, body.payeeAccountId, body.maxAmountMinor, key),
    fields: ['payeeAccountId', 'maxAmountMinor'],
    done: (payee) =>
      intl.formatMessage(
        { id: 'trusted.added' },
        { name: payee.payeeName, amount: format(payee.maxAmountMinor) },
      ),
  });

  return (
    <Form
      key={formKey}
      ref={formRef}
      className="form"
      aria-labelledby="trust-form-heading"
      validationErrors={{
        ...(fieldErrors.payeeAccountId ? { trustedPayee: fieldErrors.payeeAccountId } : {}),
        ...(fieldErrors.maxAmountMinor ? { trustedMax: fieldErrors.maxAmountMinor } : {}),
      }}
      onSubmit={(event) => {
        const form = readForm(event);
        const maxAmountMinor = readAmount(form.text('trustedMax'), unit, intl.locale);
        if (maxAmountMinor === null) return;
        trust.mutate({ payeeAccountId: form.text('trustedPayee'), maxAmountMinor });
      }}
    >
      <h3 id="trust-form-heading">
        <FormattedMessage id="trusted.add" />
      </h3>
      <ErrorAlert error={formError} />
      <AccountPicker
        slug={slug}
        name="trustedPayee"
        isRequired
        excludeAccountId={accountId}
        label={<FormattedMessage id="trusted.payee" />}
      />
      <AmountField name="trustedMax" unit={unit} isRequired label={<FormattedMessage id="trusted.max" />} />
      <div className="form-actions">
        <SubmitButton isPending={trust.isPending}>
          <FormattedMessage id="trusted.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}

function RemoveTrustDialog({ slug, accountId, payee, unit }: Props & { payee: TrustedPayee }) {
  const intl = useIntl();
  const format = useFormatAmount(unit);
  const words = { name: payee.payeeName, amount: format(payee.maxAmountMinor) };
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="trusted.remove" />,
        ariaLabel: intl.formatMessage({ id: 'trusted.remove.named' }, words),
      }}
      title={intl.formatMessage({ id: 'trusted.remove.title' }, words)}
      explanation={<FormattedMessage id="trusted.remove.explain" values={words} />}
      hasReason={false}
      isDestructive
      submitLabel={<FormattedMessage id="trusted.remove.submit" />}
      toBody={() => ({ payeeAccountId: payee.payeeAccountId })}
      send={(_body, key) => paymentRequestsApi.distrust(slug, accountId, payee.payeeAccountId, key)}
      doneMessage={intl.formatMessage({ id: 'trusted.removed' }, words)}
    />
  );
}
