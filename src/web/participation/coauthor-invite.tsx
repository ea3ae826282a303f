/**
 * Inviting co-authors, for a proposal's authors while it is open: a combo box finds people of the
 * cluster by a part of their name as one types (the server searches, leaving out the authors and
 * those already invited), the invitation goes out, and the invitations still awaiting an answer are
 * listed. The keyboard stays in the field, so the next person can be invited at once.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SearchPicker } from '../platform/forms/search-picker.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import {
  COAUTHOR_SEARCH_MIN_LENGTH,
  type CoauthorCandidate,
  type Proposal,
  participationApi,
  useCoauthorCandidates,
  useParticipationRefresh,
} from './participation-api.ts';

/** Wait for a pause in typing before asking the server. */
const SEARCH_DELAY_MS = 250;

interface Props {
  readonly slug: string;
  readonly processId: string;
  readonly proposal: Proposal;
}

export function CoauthorInvite({ slug, processId, proposal }: Props) {
  const intl = useIntl();
  const refresh = useParticipationRefresh(slug);
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<CoauthorCandidate | null>(null);
  // Each invitation starts a fresh picker: the chosen person and the typed name are gone.
  const [invitationCount, setInvitationCount] = useState(0);
  const searched = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const search = useCoauthorCandidates(slug, processId, proposal.id, searched);
  const isLongEnough = [...text.trim()].length >= COAUTHOR_SEARCH_MIN_LENGTH;
  const invite = useMutation({
    mutationFn: (person: CoauthorCandidate) =>
      participationApi.inviteCoauthor(slug, processId, proposal.id, person.personId),
    onSuccess: async (_proposal, person) => {
      await refresh();
      setText('');
      setChosen(null);
      setInvitationCount((count) => count + 1);
      announce(intl.formatMessage({ id: 'participation.coauthor.invited' }, { name: person.displayName }));
    },
  });
  const { fieldErrors, formError } = placeApiError(invite.error, ['personId']);
  useFocusFirstInvalid(formRef, invite.error);

  useEffect(() => {
    if (invitationCount === 0) return;
    formRef.current?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus();
  }, [invitationCount]);

  return (
    <section className="coauthor-invite" aria-labelledby="coauthor-heading">
      <h2 id="coauthor-heading">
        <FormattedMessage id="participation.coauthor.heading" />
      </h2>
      <p>
        <FormattedMessage id="participation.coauthor.intro" />
      </p>
      {proposal.invitedCoauthors.length > 0 && (
        <>
          <h3 id="coauthor-pending-heading">
            <FormattedMessage id="participation.coauthor.pending" />
          </h3>
          <ul className="participation-plain-list" aria-labelledby="coauthor-pending-heading">
            {proposal.invitedCoauthors.map((person) => (
              <li key={person.id}>{person.displayName}</li>
            ))}
          </ul>
        </>
      )}
      <Form
        ref={formRef}
        className="form"
        aria-labelledby="coauthor-heading"
        validationErrors={fieldErrors}
        onSubmit={(event) => {
          const personId = readForm(event).text('personId');
          if (chosen && chosen.personId === personId) invite.mutate(chosen);
        }}
      >
        <ErrorAlert error={formError} />
        <SearchPicker
          key={invitationCount}
          name="personId"
          isRequired
          label={<FormattedMessage id="participation.coauthor.person" />}
          description={<FormattedMessage id="participation.coauthor.personHelp" />}
          text={text}
          onTextChange={setText}
          found={isLongEnough ? (search.data?.items ?? []) : []}
          search={search}
          keyOf={(person) => person.personId}
          textOf={(person) => person.displayName}
          noneText={
            isLongEnough
              ? intl.formatMessage({ id: 'participation.coauthor.none' })
              : intl.formatMessage(
                  { id: 'participation.coauthor.typeMore' },
                  { min: COAUTHOR_SEARCH_MIN_LENGTH },
                )
          }
          pickText={intl.formatMessage({ id: 'participation.coauthor.pick' })}
          onPick={setChosen}
        />
        <div className="form-actions">
          <SubmitButton isPending={invite.isPending}>
            <FormattedMessage id="participation.coauthor.invite" />
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
