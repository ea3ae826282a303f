/**
 * A proposal: its text, authors, supports and state; supporting and following it; the
 * coordinator's answer (and, for coordinators, the form to give it); and the discussion, paged,
 * with a form to comment for, against or neutrally.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { BudgetProjectLine } from './budget-project-line.tsx';
import { CoauthorInvite } from './coauthor-invite.tsx';
import { CommentForm } from './comment-form.tsx';
import { ContributionActions } from './contribution-actions.tsx';
import {
  type Answer,
  type Proposal,
  participationApi,
  useComments,
  useParticipationRefresh,
  useProposal,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import { ServerRenderedHtml } from './server-rendered-html.tsx';
import './participation.css';

interface Props {
  readonly slug: string;
  readonly processId: string;
  readonly proposalId: string;
}

export function ProposalPage({ slug, processId, proposalId }: Props) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const proposal = useProposal(slug, processId, proposalId);
  // Asked for together with the proposal, not once it has come: a long discussion's first page
  // arrives at once (the comment section below reads the same query).
  useComments(slug, processId, proposalId);
  const data = proposal.data;
  const isSignedIn = Boolean(useSession().data?.person);
  const hiddenTitle = intl.formatMessage({ id: 'participation.hiddenProposal' });
  const title = data ? data.title || hiddenTitle : null;
  return (
    <ProcessSubpage
      slug={slug}
      processId={processId}
      heading={title}
      width="wide"
      lead={
        data && <FormattedMessage id="participation.stateLead" values={{ state: labels.state(data.state) }} />
      }
    >
      <ErrorAlert error={proposal.error} />
      {proposal.isPending && <Loading />}
      {data && (
        <>
          <ProposalBody proposal={data} />
          <ContributionActions
            target={{ slug, processId, proposalId, commentId: null, name: data.title || hiddenTitle }}
            depth={0}
            mayReply={false}
            mayReport={isSignedIn && data.hidden === null}
            mayHide={data.can.moderate && data.hidden === null}
          />
          <SupportBar slug={slug} processId={processId} proposal={data} />
          {data.can.inviteCoauthor && <CoauthorInvite slug={slug} processId={processId} proposal={data} />}
          <AnswerSection slug={slug} processId={processId} proposal={data} />
          <CommentSection slug={slug} processId={processId} proposal={data} />
        </>
      )}
    </ProcessSubpage>
  );
}

function ProposalBody({ proposal }: { proposal: Proposal }) {
  const labels = useParticipationLabels();
  if (proposal.hidden) {
    return (
      <p className="participation-notice">
        <FormattedMessage
          id="participation.hiddenBecause"
          values={{ reason: labels.reason(proposal.hidden.reason) }}
        />
      </p>
    );
  }
  return (
    <div className="proposal-body">
      <dl className="participation-facts">
        <dt>
          <FormattedMessage id="participation.authors" />
        </dt>
        <dd>{proposal.authors.map((a) => a.displayName).join(', ')}</dd>
        <dt>
          <FormattedMessage id="participation.published" />
        </dt>
        <dd>
          <FormattedDate value={proposal.publishedAt} dateStyle="long" />
        </dd>
        {proposal.category && (
          <>
            <dt>
              <FormattedMessage id="participation.form.category" />
            </dt>
            <dd>{proposal.category}</dd>
          </>
        )}
        {proposal.locationText && (
          <>
            <dt>
              <FormattedMessage id="participation.form.location" />
            </dt>
            <dd>{proposal.locationText}</dd>
          </>
        )}
        {proposal.estimatedCostCents !== null && (
          <>
            <dt>
              <FormattedMessage id="participation.form.cost" />
            </dt>
            <dd>
              <FormattedNumber value={proposal.estimatedCostCents / 100} style="currency" currency="EUR" />
            </dd>
          </>
        )}
      </dl>
      <ServerRenderedHtml html={proposal.bodyHtml} />
    </div>
  );
}

function SupportBar({ slug, processId, proposal }: { slug: string; processId: string; proposal: Proposal }) {
  const intl = useIntl();
  const refresh = useParticipationRefresh(slug);
  const support = useMutation({
    mutationFn: (isSupporting: boolean) =>
      participationApi.support(slug, processId, proposal.id, isSupporting),
    onSuccess: async (_data, isSupporting) => {
      await refresh();
      announce(
        intl.formatMessage({ id: isSupporting ? 'participation.supported' : 'participation.unsupported' }),
      );
    },
  });
  const follow = useMutation({
    mutationFn: (isFollowing: boolean) => participationApi.follow(slug, processId, proposal.id, isFollowing),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: () => participationApi.withdraw(slug, processId, proposal.id),
    onSuccess: async () => {
      await refresh();
      announce(intl.formatMessage({ id: 'participation.withdrawn' }));
    },
  });
  const coauthorship = useMutation({
    mutationFn: (isAccepting: boolean) =>
      participationApi.coauthorship(slug, processId, proposal.id, isAccepting),
    onSuccess: refresh,
  });
  const { viewer } = proposal;
  return (
    <section className="support-bar" aria-labelledby="support-heading">
      <h2 id="support-heading" className="visually-hidden">
        <FormattedMessage id="participation.supportHeading" />
      </h2>
      <p className="support-bar__count">
        <strong>
          <FormattedMessage id="participation.supports" values={{ count: proposal.supportCount }} />
        </strong>
        {viewer.supportsLeft !== null && (
          <span className="muted">
            {' '}
            <FormattedMessage id="participation.supportsLeft" values={{ count: viewer.supportsLeft }} />
          </span>
        )}
      </p>
      <ErrorAlert error={support.error ?? follow.error} />
      <div className="button-row">
        {(proposal.can.support || viewer.hasSupported) && (
          <Button
            className={viewer.hasSupported ? 'button button--secondary' : 'button'}
            isDisabled={support.isPending || (!viewer.hasSupported && !proposal.can.support)}
            onPress={() => support.mutate(!viewer.hasSupported)}
          >
            <FormattedMessage
              id={viewer.hasSupported ? 'participation.unsupport' : 'participation.support'}
            />
          </Button>
        )}
        {viewer.supportsLeft !== null && (
          <Button
            className="button button--secondary"
            isDisabled={follow.isPending}
            onPress={() => follow.mutate(!viewer.isFollowing)}
          >
            <FormattedMessage id={viewer.isFollowing ? 'participation.unfollow' : 'participation.follow'} />
          </Button>
        )}
        {proposal.can.edit && (
          <Link className="button button--secondary" href={paths.editProposal(slug, processId, proposal.id)}>
            <FormattedMessage id="participation.edit.title" />
          </Link>
        )}
        {proposal.can.withdraw && (
          <ModalDialog
            role="alertdialog"
            trigger={
              <Button className="button button--secondary">
                <FormattedMessage id="participation.withdraw" />
              </Button>
            }
            title={<FormattedMessage id="participation.withdrawTitle" />}
          >
            {(close) => (
              <>
                <p>
                  <FormattedMessage id="participation.withdrawText" />
                </p>
                <ErrorAlert error={withdraw.error} />
                <div className="button-row">
                  <Button
                    className="button button--danger"
                    isDisabled={withdraw.isPending}
                    onPress={() => withdraw.mutate(undefined, { onSuccess: close })}
                  >
                    <FormattedMessage id="participation.withdrawConfirm" />
                  </Button>
                  <Button className="button button--secondary" onPress={close}>
                    <FormattedMessage id="common.cancel" />
                  </Button>
                </div>
              </>
            )}
          </ModalDialog>
        )}
      </div>
      {viewer.isInvitedCoauthor && (
        <div className="participation-notice">
          <p>
            <FormattedMessage id="participation.invitedCoauthor" />
          </p>
          <ErrorAlert error={coauthorship.error} />
          <div className="button-row">
            <Button
              className="button"
              isDisabled={coauthorship.isPending}
              onPress={() => coauthorship.mutate(true)}
            >
              <FormattedMessage id="participation.acceptCoauthorship" />
            </Button>
            <Button
              className="button button--secondary"
              isDisabled={coauthorship.isPending}
              onPress={() => coauthorship.mutate(false)}
            >
              <FormattedMessage id="participation.declineCoauthorship" />
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

function AnswerSection({
  slug,
  processId,
  proposal,
}: {
  slug: string;
  processId: string;
  proposal: Proposal;
}) {
  const labels = useParticipationLabels();
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">
        <FormattedMessage id="participation.answerHeading" />
      </h2>
      {proposal.answer ? (
        <div className="answer">
          <p>
            <strong>{labels.state(proposal.answer.state)}</strong>{' '}
            <span className="muted">
              <FormattedDate value={proposal.answer.answeredAt} dateStyle="long" />
            </span>
          </p>
          <p className="participation-pre-line">{proposal.answer.reasoning}</p>
          {proposal.answer.inputEffect && (
            <>
              <h3>
                <FormattedMessage id="participation.inputEffect" />
              </h3>
              <p className="participation-pre-line">{proposal.answer.inputEffect}</p>
            </>
          )}
          {proposal.budgetProjects.length > 0 && (
            <>
              <h3>
                <FormattedMessage id="participation.budgetProjects" />
              </h3>
              <ul className="participation-plain-list">
                {proposal.budgetProjects.map((project) => (
                  <li key={project.projectId}>
                    <BudgetProjectLine slug={slug} project={project} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {proposal.resultId && (
            <p>
              <Link href={paths.result(slug, processId, proposal.resultId)}>
                <FormattedMessage id="participation.seeResult" />
              </Link>
            </p>
          )}
        </div>
      ) : (
        <p className="muted">
          <FormattedMessage id="participation.noAnswer" />
        </p>
      )}
      {proposal.can.answer && <AnswerForm slug={slug} processId={processId} proposalId={proposal.id} />}
    </section>
  );
}

function AnswerForm({
  slug,
  processId,
  proposalId,
}: {
  slug: string;
  processId: string;
  proposalId: string;
}) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const refresh = useParticipationRefresh(slug);
  const formRef = useRef<HTMLFormElement>(null);
  const [answer, setAnswer] = useState<Answer>('evaluating');
  const give = useMutation({
    mutationFn: (body: { answer: Answer; reasoning: string; inputEffect: string }) =>
      participationApi.answer(slug, processId, proposalId, body),
    onSuccess: async () => {
      await refresh();
      announce(intl.formatMessage({ id: 'participation.answered' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(give.error, ['answer', 'reasoning', 'inputEffect']);
  useFocusFirstInvalid(formRef, give.error);
  return (
    <Form
      ref={formRef}
      className="form answer-form"
      validationErrors={fieldErrors}
      aria-labelledby="answer-form-heading"
      onSubmit={(event) => {
        const form = readForm(event);
        give.mutate({ answer, reasoning: form.text('reasoning'), inputEffect: form.text('inputEffect') });
      }}
    >
      <h3 id="answer-form-heading">
        <FormattedMessage id="participation.answerForm" />
      </h3>
      <ErrorAlert error={formError} />
      <RadioGroupField
        name="answer"
        label={<FormattedMessage id="participation.answerLabel" />}
        value={answer}
        onChange={(value) => setAnswer(value as Answer)}
        options={(['evaluating', 'accepted', 'rejected'] as const).map((id) => ({
          id,
          label: labels.state(id),
        }))}
      />
      <TextField
        name="reasoning"
        isRequired
        isMultiline
        rows={4}
        maxLength={5000}
        label={<FormattedMessage id="participation.reasoning" />}
      />
      <TextField
        name="inputEffect"
        isOptional={answer === 'evaluating'}
        isMultiline
        rows={4}
        maxLength={5000}
        label={<FormattedMessage id="participation.inputEffect" />}
        description={<FormattedMessage id="participation.inputEffect.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={give.isPending}>
          <FormattedMessage id="participation.answerSubmit" />
        </SubmitButton>
      </div>
    </Form>
  );
}

function CommentSection({
  slug,
  processId,
  proposal,
}: {
  slug: string;
  processId: string;
  proposal: Proposal;
}) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const isSignedIn = Boolean(useSession().data?.person);
  const comments = useComments(slug, processId, proposal.id);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        <FormattedMessage id="participation.comments" values={{ count: proposal.commentCount }} />
      </h2>
      <ErrorAlert error={comments.error} />
      {comments.isPending && <Loading />}
      <ol className="comment-list">
        {items.map((comment) => (
          <li key={comment.id} className={`comment comment--depth-${comment.depth}`}>
            {comment.hidden ? (
              <p className="muted">
                <FormattedMessage
                  id="participation.hiddenBecause"
                  values={{ reason: labels.reason(comment.hidden.reason) }}
                />
              </p>
            ) : (
              <>
                <p className="comment__meta">
                  <strong>{comment.authorName}</strong>{' '}
                  <span className={`alignment alignment--${comment.alignment}`}>
                    {labels.alignment(comment.alignment)}
                  </span>{' '}
                  <span className="muted">
                    <FormattedDate value={comment.createdAt} dateStyle="medium" timeStyle="short" />
                  </span>
                </p>
                <p className="participation-pre-line">{comment.body}</p>
                <ContributionActions
                  target={{
                    slug,
                    processId,
                    proposalId: proposal.id,
                    commentId: comment.id,
                    name: comment.authorName,
                  }}
                  depth={comment.depth}
                  mayReply={proposal.can.comment}
                  mayReport={isSignedIn}
                  mayHide={proposal.can.moderate}
                />
              </>
            )}
          </li>
        ))}
      </ol>
      <LoadMoreButton query={comments} />
      {proposal.can.comment ? (
        <CommentForm slug={slug} processId={processId} proposalId={proposal.id} />
      ) : (
        <p className="muted">{intl.formatMessage({ id: 'participation.commentsClosed' })}</p>
      )}
    </section>
  );
}
