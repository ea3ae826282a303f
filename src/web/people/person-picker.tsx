/**
 * Chooses one of the cluster's people by typing part of their name. The server does the
 * searching, so everyone in the cluster can be found, not only a first page; the form receives the
 * chosen person's id under `name`.
 */
import { type ReactNode, useState } from 'react';
import { useIntl } from 'react-intl';
import { SearchPicker } from '../platform/forms/search-picker.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { usePeopleSearch } from './people-api.ts';

/** Wait for a pause in typing before asking the server. */
const SEARCH_DELAY_MS = 250;

interface Props {
  readonly slug: string;
  readonly name: string;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isRequired?: boolean;
}

export function PersonPicker({ slug, ...props }: Props) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const search = usePeopleSearch(slug, useDebouncedValue(text.trim(), SEARCH_DELAY_MS));

  return (
    <SearchPicker
      {...props}
      text={text}
      onTextChange={setText}
      found={search.data?.items ?? []}
      search={search}
      keyOf={(person) => person.id}
      textOf={(person) => person.displayName}
      renderOption={(person) => (
        <span className="person-option">
          <span>{person.displayName}</span>
          {person.email && <span className="person-option__email">{person.email}</span>}
        </span>
      )}
      noneText={intl.formatMessage({ id: 'personPicker.none' })}
      pickText={intl.formatMessage({ id: 'personPicker.pick' })}
    />
  );
}
