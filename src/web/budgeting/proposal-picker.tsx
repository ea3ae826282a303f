/**
 * Chooses one of the accepted proposals of the budget's process that is not yet a project, by a
 * part of its title; the server searches, so every candidate can be found, not only a first page.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SearchPicker } from '../platform/forms/search-picker.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { type ProposalCandidate, useProposalCandidates } from './budgeting-api.ts';
import { useMoney } from './money.ts';

/** Wait for a pause in typing before asking the server. */
const SEARCH_DELAY_MS = 250;

interface Props {
  readonly slug: string;
  readonly budgetId: string;
  readonly currency: string;
  readonly onPick: (candidate: ProposalCandidate | null) => void;
}

export function ProposalPicker({ slug, budgetId, currency, onPick }: Props) {
  const intl = useIntl();
  const money = useMoney(currency);
  const [text, setText] = useState('');
  const search = useProposalCandidates(slug, budgetId, useDebouncedValue(text.trim(), SEARCH_DELAY_MS));
  return (
    <SearchPicker
      name="sourceProposalId"
      label={intl.formatMessage({ id: 'budget.manage.fromProposal' })}
      description={intl.formatMessage({ id: 'budget.manage.fromProposalHelp' })}
      text={text}
      onTextChange={setText}
      found={search.data?.items ?? []}
      search={search}
      keyOf={(candidate) => candidate.id}
      textOf={(candidate) => candidate.title}
      renderOption={(candidate) => (
        <span className="person-option">
          <span>{candidate.title}</span>
          {candidate.estimatedCostMinor !== null && (
            <span className="person-option__email">{money(candidate.estimatedCostMinor)}</span>
          )}
        </span>
      )}
      noneText={intl.formatMessage({ id: 'budget.manage.noCandidates' })}
      pickText={intl.formatMessage({ id: 'budget.manage.pickProposal' })}
      onPick={onPick}
    />
  );
}
