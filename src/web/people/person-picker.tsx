/**
 * Chooses one of the cluster's people by typing part of their name (a React Aria combo box). The
 * server does the searching, so everyone in the cluster can be found, not only a first page; the
 * form receives the chosen person's id under `name`.
 */
import { type ReactNode, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useErrorText } from '../platform/forms/form-alert.tsx';
import { Chevron } from '../platform/forms/select-field.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { ValidationMessage } from '../platform/forms/validation-message.tsx';
import { type ClusterPerson, usePeopleSearch } from './people-api.ts';

/** Wait for a pause in typing before asking the server. */
const SEARCH_DELAY_MS = 250;
/** The server's limit for a search by name. */
const SEARCH_MAX_LENGTH = 100;

interface Props {
  readonly slug: string;
  readonly name: string;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
}

export function PersonPicker({ slug, name, label, description, isRequired }: Props) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ClusterPerson | null>(null);
  const search = usePeopleSearch(slug, useDebouncedValue(text.trim(), SEARCH_DELAY_MS));
  const found = search.data?.items ?? [];
  // The chosen person stays among the options even when the typed text no longer finds them:
  // leaving the field then puts their name back, as a combo box should, instead of losing the choice.
  const options = chosen && !found.some((person) => person.id === chosen.id) ? [...found, chosen] : found;

  return (
    <ComboBox
      className="field"
      name={name}
      formValue="key"
      isRequired={isRequired}
      items={options}
      inputValue={text}
      onInputChange={setText}
      onChange={(key) => setChosen(options.find((person) => person.id === key) ?? null)}
      allowsEmptyCollection
      validate={(current) =>
        current.value == null && current.inputValue.trim() !== ''
          ? intl.formatMessage({ id: 'personPicker.pick' })
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
        <ListBox<ClusterPerson>
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {search.isError
                ? errorText(search.error)
                : search.isFetching
                  ? intl.formatMessage({ id: 'common.loading' })
                  : intl.formatMessage({ id: 'personPicker.none' })}
            </p>
          )}
        >
          {(person) => (
            <ListBoxItem id={person.id} textValue={person.displayName} className="listbox-item">
              <span className="person-option">
                <span>{person.displayName}</span>
                {person.email && <span className="person-option__email">{person.email}</span>}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
