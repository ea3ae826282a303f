/**
 * The fields a request and a recurring payment share: the other member (found by name), the
 * amount in the currency, and what it is for. `paymentFieldErrors` puts the server's errors about
 * them beside the right field.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { AccountPicker } from '../currency/account-picker.tsx';
import type { CurrencyUnit } from '../currency/amount.ts';
import { AmountField } from '../currency/amount-field.tsx';
import { TextField } from '../platform/forms/text-field.tsx';

const DESCRIPTION_MAX_LENGTH = 500;

interface Props {
  readonly slug: string;
  /** The account the form is for, which cannot be its own counterpart. */
  readonly accountId: string;
  readonly unit: CurrencyUnit;
  /** The form field holding the other member's account id, with its label. */
  readonly counterpart: { readonly name: string; readonly label: ReactNode; readonly help?: ReactNode };
  readonly descriptionLabel: ReactNode;
  readonly descriptionHelp: ReactNode;
}

export function PaymentFields({
  slug,
  accountId,
  unit,
  counterpart,
  descriptionLabel,
  descriptionHelp,
}: Props) {
  return (
    <>
      <AccountPicker
        slug={slug}
        name={counterpart.name}
        isRequired
        excludeAccountId={accountId}
        label={counterpart.label}
        description={counterpart.help}
      />
      <AmountField
        name="amount"
        unit={unit}
        isRequired
        label={<FormattedMessage id="currency.pay.amount" />}
      />
      <TextField
        name="description"
        isMultiline
        rows={3}
        isRequired
        maxLength={DESCRIPTION_MAX_LENGTH}
        label={descriptionLabel}
        description={descriptionHelp}
      />
    </>
  );
}

/** The server's field errors keyed by this form's field names (the picker and the amount are named otherwise). */
export function paymentFieldErrors(
  fieldErrors: Record<string, string>,
  counterpart: { readonly apiField: string; readonly name: string },
): Record<string, string> {
  const renamed: Record<string, string> = { ...fieldErrors };
  const aboutCounterpart = fieldErrors[counterpart.apiField];
  if (aboutCounterpart) renamed[counterpart.name] = aboutCounterpart;
  if (fieldErrors.amountMinor) renamed.amount = fieldErrors.amountMinor;
  return renamed;
}
