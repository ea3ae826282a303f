/**
 * Conversations about a listing. A member answers it (the message is mailed to the representatives
 * of its organisation) and reads back the conversation: their messages and the replies. The
 * listing's representatives read every conversation and reply to each member who answered, even
 * once the listing is closed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
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
  type Answer,
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
  // The answer being replied to, at most one at a time.
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const replyButtons = useRef(new Map<string, HTMLButtonElement>());
  const closeReply = (answerId: string) => {
    setReplyingTo(null);
    // Back to the button that opened the form, so the keyboard does not start over at the top.
    requestAnimationFrame(() => replyButtons.current.get(answerId)?.focus());
  };

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
            <li key={answer.id} className={answer.isReply ? 'answer answer--reply' : 'answer'}>
              <p className="answer__from">
                <strong>{answer.fromOrganisationName}</strong>
                {answer.isReply && (
                  <>
                    {' '}
                    <FormattedMessage
                      id="marketplace.answers.replyTo"
                      values={{ name: answer.conversationOrganisationName }}
                    />
                  </>
                )}
                {answer.authorName && <> · {answer.authorName}</>} · <DateTime value={answer.createdAt} />
              </p>
              <p className="keep-lines answer__message">{answer.message}</p>
              {isAuthor && !answer.isReply && replyingTo !== answer.id && (
                <Button
                  ref={(button) => {
                    if (button) replyButtons.current.set(answer.id, button);
                    else replyButtons.current.delete(answer.id);
                  }}
                  className="button button--secondary"
                  onPress={() => setReplyingTo(answer.id)}
                >
                  <FormattedMessage
                    id="marketplace.answers.reply"
                    values={{ name: answer.fromOrganisationName }}
                  />
                </Button>
              )}
              {isAuthor && replyingTo === answer.id && (
                <ReplyForm
                  slug={slug}
                  listing={listing}
                  answer={answer}
                  onDone={() => closeReply(answer.id)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <LoadMoreButton query={answers} />
    </section>
  );
}

function useSendMessage(slug: string, listing: Listing, onSent: (to: string) => void) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { keyFor, renew } = useIdempotencyKey();
  return useMutation({
    mutationFn: (sent: {
      body: { fromAccountId: string; toAccountId?: string; message: string };
      to: string;
    }) => marketplaceApi.answer(slug, listing.id, sent.body, keyFor(sent.body)),
    onSuccess: async (_answer, sent) => {
      renew();
      onSent(sent.to);
      announce(intl.formatMessage({ id: 'marketplace.answers.sent' }, { name: sent.to }));
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.answers(slug, listing.id) });
    },
  });
}

function AnswerForm({ slug, listing, accounts }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const { chosen, choose } = useAccountChoice(accounts);
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const answer = useSendMessage(slug, listing, (to) => {
    setMessage('');
    setSentTo(to);
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
        answer.mutate({
          body: { fromAccountId: chosen.accountId, message: form.text('message').trim() },
          to: listing.organisationName,
        });
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

/** The listing's organisation replies to one member who answered; the form opens focused. */
function ReplyForm({
  slug,
  listing,
  answer,
  onDone,
}: {
  readonly slug: string;
  readonly listing: Listing;
  readonly answer: Answer;
  readonly onDone: () => void;
}) {
  const intl = useIntl();
  const formRef = useRef<HTMLFormElement>(null);
  const reply = useSendMessage(slug, listing, onDone);
  const { fieldErrors, formError } = placeApiError(reply.error, ['message']);
  useFocusFirstInvalid(formRef, reply.error);
  const name = answer.fromOrganisationName;

  return (
    <Form
      ref={formRef}
      className="form answer__reply"
      aria-label={intl.formatMessage({ id: 'marketplace.answers.reply' }, { name })}
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        reply.mutate({
          body: {
            fromAccountId: listing.accountId,
            toAccountId: answer.conversationAccountId,
            message: form.text('message').trim(),
          },
          to: name,
        });
      }}
    >
      <ErrorAlert error={formError} />
      <TextField
        name="message"
        isMultiline
        rows={3}
        isRequired
        autoFocus
        maxLength={MESSAGE_MAX_LENGTH}
        label={<FormattedMessage id="marketplace.answers.replyMessage" values={{ name }} />}
        description={<FormattedMessage id="marketplace.answers.replyMessage.help" values={{ name }} />}
      />
      <div className="form-actions">
        <SubmitButton isPending={reply.isPending}>
          <FormattedMessage id="marketplace.answers.send" />
        </SubmitButton>
        <Button className="button button--secondary" onPress={onDone}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
