/**
 * Chooses one item that the server finds by name as the reader types (a React Aria combo box), so
 * every item can be found, not only a first page. The caller asks the server with the text it is
 * given and passes what was found; the form receives the chosen item's key under `name`.
 */
import { type ReactNode, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useErrorText } from './form-alert.tsx';
import { Chevron } from './select-field.tsx';
import { ValidationMessage } from './validation-message.tsx';

/** The server's limit for a search by name. */
const SEARCH_MAX_LENGTH = 100;

interface Props<T> {
  readonly name: string;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
  /** What the reader has typed; the caller searches with it (after a pause in typing). */
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly found: readonly T[];
  readonly search: { readonly isError: boolean; readonly error: unknown; readonly isFetching: boolean };
  readonly keyOf: (item: T) => string;
  readonly textOf: (item: T) => string;
  readonly renderOption?: (item: T) => ReactNode;
  /** Said in the open list when the search finds nothing. */
  readonly noneText: string;
  /** Said beside the field when text was typed but nothing chosen. */
  readonly pickText: string;
  readonly initial?: T | null;
  readonly onPick?: (item: T | null) => void;
}

export function SearchPicker<T>({
  name,
  label,
  description,
  isRequired,
  text,
  onTextChange,
  found,
  search,
  keyOf,
  textOf,
  renderOption,
  noneText,
  pickText,
  initial = null,
  onPick,
}: Props<T>) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<T | null>(initial);
  // The chosen item stays among the options even when the typed text no longer finds it: leaving
  // the field then puts its name back, as a combo box should, instead of losing the choice.
  const options =
    chosen && !found.some((item) => keyOf(item) === keyOf(chosen)) ? [...found, chosen] : [...found];

  return (
    <ComboBox
      className="field"
      name={name}
      formValue="key"
      isRequired={isRequired}
      items={options.map((item) => ({ id: keyOf(item), item }))}
      inputValue={text}
      onInputChange={onTextChange}
      defaultSelectedKey={initial ? keyOf(initial) : undefined}
      onSelectionChange={(key) => {
        const item = options.find((option) => keyOf(option) === key) ?? null;
        setChosen(item);
        onPick?.(item);
      }}
      allowsEmptyCollection
      validate={(current) => (current.value == null && current.inputValue.trim() !== '' ? pickText : null)}
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
        <ListBox<{ id: string; item: T }>
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {search.isError
                ? errorText(search.error)
                : search.isFetching
                  ? intl.formatMessage({ id: 'common.loading' })
                  : noneText}
            </p>
          )}
        >
          {({ id, item }) => (
            <ListBoxItem id={id} textValue={textOf(item)} className="listbox-item">
              {renderOption ? renderOption(item) : textOf(item)}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
