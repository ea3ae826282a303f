/**
 * Chooses an account of the cluster by typing part of the member's name. The form receives the
 * account id under `name`; `onPick` hears about the choice.
 */
import { type ReactNode, useState } from 'react';
import { useIntl } from 'react-intl';
import { SearchPicker } from '../platform/forms/search-picker.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { type Payee, usePayees } from './currency-api.ts';

/** Wait for a pause in typing before asking the server. */
const SEARCH_DELAY_MS = 250;

interface Props {
  readonly slug: string;
  readonly name: string;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
  /** An account that may not be chosen (the one paying). */
  readonly excludeAccountId?: string;
  /** Accounts offered besides the members found (the cluster's fee account, for coordinators). */
  readonly extraAccounts?: readonly Payee[];
  readonly initial?: Payee | null;
  readonly onPick?: (payee: Payee | null) => void;
}

export function AccountPicker({
  slug,
  excludeAccountId,
  extraAccounts = [],
  initial = null,
  ...props
}: Props) {
  const intl = useIntl();
  const [text, setText] = useState(initial?.name ?? '');
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const search = usePayees(slug, query);
  const lowered = query.toLocaleLowerCase();
  const found = [
    ...extraAccounts.filter((account) => account.name.toLocaleLowerCase().includes(lowered)),
    ...(search.data?.items ?? []),
  ].filter((payee) => payee.accountId !== excludeAccountId);

  return (
    <SearchPicker
      {...props}
      text={text}
      onTextChange={setText}
      found={found}
      search={search}
      initial={initial}
      keyOf={(payee) => payee.accountId}
      textOf={(payee) => payee.name}
      noneText={intl.formatMessage({ id: 'currency.picker.none' })}
      pickText={intl.formatMessage({ id: 'currency.picker.pick' })}
    />
  );
}
