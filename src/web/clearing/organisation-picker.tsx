/**
 * Chooses an active member of the cluster by typing part of its name (a React Aria combo box; the
 * server searches the member directory, so every member can be found, not only a first page). The
 * viewer's own organisations are offered first. The form receives the organisation id under `name`.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { Page } from '../clusters/cluster-api.ts';
import type { DirectoryEntry } from '../organisations/organisation-api.ts';
import { api } from '../platform/api/api-client.ts';
import { useErrorText } from '../platform/forms/form-alert.tsx';
import { Chevron } from '../platform/forms/select-field.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { ValidationMessage } from '../platform/forms/validation-message.tsx';
import type { Party } from './clearing-api.ts';

const SEARCH_DELAY_MS = 250;
const SEARCH_MAX_LENGTH = 100;
const SEARCH_LIMIT = 20;

function useActiveMembers(slug: string, q: string) {
  return useQuery({
    queryKey: ['clearing', slug, 'members', q],
    queryFn: () =>
      api.get<Page<DirectoryEntry>>(`/clusters/${encodeURIComponent(slug)}/organisations`, {
        status: 'active',
        q,
        limit: SEARCH_LIMIT,
      }),
    placeholderData: keepPreviousData,
  });
}

interface Props {
  readonly slug: string;
  readonly name: string;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
  /** Offered before the members found: the organisations the viewer represents. */
  readonly own?: readonly Party[];
}

export function OrganisationPicker({ slug, name, label, description, isRequired, own = [] }: Props) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Party | null>(null);
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const search = useActiveMembers(slug, query);
  // The options follow the text as it is typed: the viewer's own organisations at once, and the
  // server's answer to an earlier, shorter text narrowed down until the answer to this one arrives.
  const typed = text.trim().toLocaleLowerCase();
  const matches = (organisation: Party) => organisation.name.toLocaleLowerCase().includes(typed);
  const ownFound = own.filter(matches);
  const found: Party[] = [
    ...ownFound,
    ...(search.data?.items ?? [])
      .map((entry) => ({ id: entry.id, name: entry.name }))
      .filter((entry) => matches(entry) && !ownFound.some((organisation) => organisation.id === entry.id)),
  ];
  // The chosen member stays among the options when the text no longer finds it, so leaving the
  // field puts its name back instead of losing the choice.
  const options = chosen && !found.some((o) => o.id === chosen.id) ? [...found, chosen] : found;

  return (
    <ComboBox
      className="field"
      name={name}
      formValue="key"
      isRequired={isRequired}
      items={options}
      inputValue={text}
      onInputChange={setText}
      onSelectionChange={(key) => setChosen(options.find((o) => o.id === key) ?? null)}
      allowsEmptyCollection
      validate={(current) =>
        current.value == null && current.inputValue.trim() !== ''
          ? intl.formatMessage({ id: 'clearing.picker.pick' })
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
        <ListBox<Party>
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {search.isError
                ? errorText(search.error)
                : search.isFetching
                  ? intl.formatMessage({ id: 'common.loading' })
                  : intl.formatMessage({ id: 'clearing.picker.none' })}
            </p>
          )}
        >
          {(organisation) => (
            <ListBoxItem id={organisation.id} textValue={organisation.name} className="listbox-item">
              {organisation.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
