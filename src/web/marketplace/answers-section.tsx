/**
 * Answers to a listing. Its organisation's representatives read every answer; another member
 * writes to the organisation (the message is mailed to its representatives) and reads back its own.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { AccountChoice, useAccountChoice } from './account-choice.tsx';
import {
  type Listing,
  marketplaceApi,
  marketplaceKeys,
  type TradingAccount,
  useAnswers,
} from './marketplace-api.ts';

const MESSAGE_MAX_LENGTH = 2000;

interface Props {
  readonly slug: string;
  readonly listing: Listing;
  /** The accounts the reader trades for (none: the reader only reads). */
  readonly accounts: readonly TradingAccount[];
}

export function AnswersSection({ slug, listing, accounts }: Props) {
  const isAuthor = listing.mayEdit;
  const answers = useAnswers(slug, listing.id, accounts.length > 0);
  const items = answers.data?.pages.flatMap((page) => page.items) ?? [];
  const mayAnswer = !isAuthor && listing.status === 'active' && accounts.length > 0;

  return (
    <section aria-labelledby="answers-heading" className="card">
      <h2 id="answers-heading">
        <FormattedMessage id={isAuthor ? 'marketplace.answers.received' : 'marketplace.answers.title'} />
      </h2>
      {mayAnswer && <AnswerForm slug={slug} listing={listing} accounts={accounts} />}
      <ErrorAlert error={answers.error} />
      {answers.isSuccess && items.length === 0 && isAuthor && (
        <p className="muted">
          <FormattedMessage id="marketplace.answers.none" />
        </p>
      )}
      {items.length > 0 && (
        <ol className="answer-list">
          {items.map((answer) => (
            <li key={answer.id} className="answer">
              <p className="answer__from">
                <strong>{answer.fromOrganisationName}</strong>
                {answer.authorName && <> · {answer.authorName}</>} · <DateTime value={answer.createdAt} />
              </p>
              <p className="keep-lines answer__message">{answer.message}</p>
            </li>
          ))}
        </ol>
      )}
      <LoadMoreButton query={answers} />
    </section>
  );
}

function AnswerForm({ slug, listing, accounts }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { chosen, choose } = useAccountChoice(accounts);
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { keyFor, renew } = useIdempotencyKey();
  const answer = useMutation({
    mutationFn: (body: { fromAccountId: string; message: string }) =>
      marketplaceApi.answer(slug, listing.id, body, keyFor(body)),
    onSuccess: async () => {
      renew();
      setMessage('');
      setSentTo(listing.organisationName);
      announce(intl.formatMessage({ id: 'marketplace.answers.sent' }, { name: listing.organisationName }));
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.answers(slug, listing.id) });
    },
  });
  const { fieldErrors, formError } = placeApiError(answer.error, ['message']);
  useFocusFirstInvalid(formRef, answer.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!chosen) return;
        setSentTo(null);
        answer.mutate({ fromAccountId: chosen.accountId, message: form.text('message').trim() });
      }}
    >
      {sentTo && (
        <SuccessAlert>
          <p>
            <FormattedMessage id="marketplace.answers.sent" values={{ name: sentTo }} />
          </p>
        </SuccessAlert>
      )}
      <ErrorAlert error={formError} />
      <AccountChoice accounts={accounts} chosen={chosen} onChoose={choose} />
      <TextField
        name="message"
        isMultiline
        rows={4}
        isRequired
        maxLength={MESSAGE_MAX_LENGTH}
        value={message}
        onChange={setMessage}
        label={<FormattedMessage id="marketplace.answers.message" />}
        description={
          <FormattedMessage
            id="marketplace.answers.message.help"
            values={{ name: listing.organisationName }}
          />
        }
      />
      <div className="form-actions">
        <SubmitButton isPending={answer.isPending}>
          <FormattedMessage id="marketplace.answers.send" />
        </SubmitButton>
      </div>
    </Form>
  );
}
