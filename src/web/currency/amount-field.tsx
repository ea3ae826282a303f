/**
 * A field for an amount of the cluster currency, typed as people write numbers in their language.
 * It is checked as text (never through a float): no more decimals than the currency has, within
 * the ledger's bounds. Read the value back with `readAmount`.
 */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { TextField } from '../platform/forms/text-field.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { type AmountProblem, amountInputValue, type CurrencyUnit, parseAmount } from './amount.ts';

const PROBLEMS: Readonly<Record<AmountProblem, MessageId>> = {
  empty: 'validation.required',
  format: 'currency.amount.format',
  tooManyDecimals: 'currency.amount.tooManyDecimals',
  notPositive: 'currency.amount.notPositive',
  tooLarge: 'currency.amount.tooLarge',
};

interface Props {
  readonly name: string;
  readonly label: ReactNode;
  readonly unit: CurrencyUnit;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
  readonly isOptional?: boolean;
  readonly isDisabled?: boolean;
  /** Zero is a valid amount here (a credit limit), not only positive ones (a payment). */
  readonly allowZero?: boolean;
  readonly defaultMinor?: number | null;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly autoFocus?: boolean;
}

export function AmountField({ unit, allowZero, defaultMinor, description, ...props }: Props) {
  const intl = useIntl();
  return (
    <TextField
      {...props}
      inputMode="decimal"
      autoComplete="off"
      maxLength={24}
      defaultValue={
        defaultMinor === undefined || defaultMinor === null || props.value !== undefined
          ? undefined
          : amountInputValue(defaultMinor, unit.decimals, intl.locale)
      }
      description={description ?? <FormattedAmountHelp unit={unit} />}
      validate={(text) => {
        if (text.trim() === '') return null;
        const parsed = parseAmount(text, unit.decimals, intl.locale, { allowZero });
        return parsed.ok
          ? null
          : intl.formatMessage(
              { id: PROBLEMS[parsed.problem] },
              { decimals: unit.decimals, code: unit.code },
            );
      }}
    />
  );
}

function FormattedAmountHelp({ unit }: { unit: CurrencyUnit }) {
  const intl = useIntl();
  // 1250.5 in the currency's own precision ("1250,50", or "1251" without decimals).
  const example = unit.decimals === 0 ? 1251 : 12505 * 10 ** (unit.decimals - 1);
  return (
    <>
      {intl.formatMessage(
        { id: 'currency.amount.help' },
        {
          code: unit.code,
          decimals: unit.decimals,
          example: amountInputValue(example, unit.decimals, intl.locale),
        },
      )}
    </>
  );
}

/** The amount a form's field holds, in minor units (null when it is empty). */
export function readAmount(text: string, unit: CurrencyUnit, locale: string): number | null {
  const parsed = parseAmount(text, unit.decimals, locale, { allowZero: true });
  return parsed.ok ? parsed.minor : null;
}
