/**
 * For whom the reader trades: most people act for one organisation; someone who represents several
 * chooses which one answers, orders or publishes.
 */
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { SelectField } from '../platform/forms/select-field.tsx';
import type { TradingAccount } from './marketplace-api.ts';

/** The chosen account among those given (the first until another is chosen). */
export function useAccountChoice(accounts: readonly TradingAccount[]) {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = accounts.find((a) => a.accountId === chosenId) ?? accounts[0] ?? null;
  return { chosen, choose: setChosenId };
}

interface Props {
  readonly accounts: readonly TradingAccount[];
  readonly chosen: TradingAccount | null;
  readonly onChoose: (accountId: string) => void;
  readonly label?: React.ReactNode;
}

export function AccountChoice({ accounts, chosen, onChoose, label }: Props) {
  if (accounts.length < 2 || !chosen) return null;
  return (
    <SelectField
      label={label ?? <FormattedMessage id="marketplace.account" />}
      options={accounts.map((a) => ({ id: a.accountId, label: a.name }))}
      value={chosen.accountId}
      onChange={(key) => onChoose(String(key))}
    />
  );
}
