/**
 * Chooses an account of the cluster by typing part of the member's name (a React Aria combo box
 * searching on the server, so every member can be found, not only a first page). The form receives
 * the account id under `name`; `onPick` hears about the choice.
 */
import { type ReactNode, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useErrorText } from '../platform/forms/form-alert.tsx';
import { Chevron } from '../platform/forms/select-field.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { ValidationMessage } from '../platform/forms/validation-message.tsx';
import { type Payee, usePayees } from './currency-api.ts';

const SEARCH_DELAY_MS = 250;
const SEARCH_MAX_LENGTH = 100;

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
  readonly autoFocus?: boolean;
}

export function AccountPicker({
  slug,
  name,
  label,
  description,
  isRequired,
  excludeAccountId,
  extraAccounts = [],
  initial = null,
  onPick,
  autoFocus,
}: Props) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState(initial?.name ?? '');
  const [chosen, setChosen] = useState<Payee | null>(initial);
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const search = usePayees(slug, query);
  const lowered = query.toLocaleLowerCase();
  const found = [
    ...extraAccounts.filter((account) => account.name.toLocaleLowerCase().includes(lowered)),
    ...(search.data?.items ?? []),
  ].filter((payee) => payee.accountId !== excludeAccountId);
  // The chosen account stays among the options when the text no longer finds it, so leaving the
  // field puts its name back instead of losing the choice.
  const options = chosen && !found.some((p) => p.accountId === chosen.accountId) ? [...found, chosen] : found;

  return (
    <ComboBox
      className="field"
      name={name}
      formValue="key"
      isRequired={isRequired}
      items={options.map((payee) => ({ ...payee, id: payee.accountId }))}
      inputValue={text}
      onInputChange={setText}
      defaultSelectedKey={initial?.accountId}
      onSelectionChange={(key) => {
        const payee = options.find((p) => p.accountId === key) ?? null;
        setChosen(payee);
        onPick?.(payee);
      }}
      allowsEmptyCollection
      autoFocus={autoFocus}
      validate={(current) =>
        current.value == null && current.inputValue.trim() !== ''
          ? intl.formatMessage({ id: 'currency.picker.pick' })
          : null
      }
    >
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className="combobox">
        <Input maxLength={SEARCH_MAX_LENGTH} />
        <Button className="combobox__button">
          <Chevron />
        </Button>
      </div>
      <ValidationMessage />
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {search.isError
                ? errorText(search.error)
                : search.isFetching
                  ? intl.formatMessage({ id: 'common.loading' })
                  : intl.formatMessage({ id: 'currency.picker.none' })}
            </p>
          )}
        >
          {(payee: Payee & { id: string }) => (
            <ListBoxItem id={payee.accountId} textValue={payee.name} className="listbox-item">
              {payee.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
