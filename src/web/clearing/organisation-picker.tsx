/**
 * Chooses an active member of the cluster by typing part of its name; the server searches the
 * member directory, so every member can be found, not only a first page. The viewer's own
 * organisations are offered first. The form receives the organisation id under `name`.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Page } from '../clusters/cluster-api.ts';
import type { DirectoryEntry } from '../organisations/organisation-api.ts';
import { api } from '../platform/api/api-client.ts';
import { SearchPicker } from '../platform/forms/search-picker.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import type { Party } from './clearing-api.ts';

const SEARCH_DELAY_MS = 250;
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

export function OrganisationPicker({ slug, own = [], ...props }: Props) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const search = useActiveMembers(slug, useDebouncedValue(text.trim(), SEARCH_DELAY_MS));
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

  return (
    <SearchPicker
      {...props}
      text={text}
      onTextChange={setText}
      found={found}
      search={search}
      keyOf={(organisation) => organisation.id}
      textOf={(organisation) => organisation.name}
      noneText={intl.formatMessage({ id: 'clearing.picker.none' })}
      pickText={intl.formatMessage({ id: 'clearing.picker.pick' })}
    />
  );
}
