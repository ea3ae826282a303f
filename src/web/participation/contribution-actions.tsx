/**
 * What a reader can do with a proposal or one of its comments besides reading it: reply (to a
 * comment, while the thread is not too deep), report it as abusive, and — for coordinators — hide
 * it with a reason the public sees. Each opens a dialog that gives focus back when it closes.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { CommentForm } from './comment-form.tsx';
import {
  MODERATION_REASONS,
  type ModerationReason,
  participationApi,
  useParticipationRefresh,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

/** The highest depth a comment may have and still take replies (the server's bound). */
const DEEPEST_REPLIED = 2;

interface Target {
  readonly slug: string;
  readonly processId: string;
  readonly proposalId: string;
  /** The comment, or null for the proposal itself. */
  readonly commentId: string | null;
  /** What the dialogs name: the comment's author or the proposal's title. */
  readonly name: string;
}

export function ContributionActions({
  target,
  depth,
  mayReply,
  mayReport,
  mayHide,
}: {
  target: Target;
  depth: number;
  mayReply: boolean;
  mayReport: boolean;
  mayHide: boolean;
}) {
  return (
    <div className="contribution-actions">
      {mayReply && target.commentId !== null && depth <= DEEPEST_REPLIED && <ReplyDialog target={target} />}
      {mayReport && <ModerationDialog target={target} kind="report" />}
      {mayHide && <ModerationDialog target={target} kind="hide" />}
    </div>
  );
}

function ReplyDialog({ target }: { target: Target }) {
  return (
    <ModalDialog
      trigger={
        <Button className="button button--small button--secondary">
          <FormattedMessage id="participation.reply" />
        </Button>
      }
      title={<FormattedMessage id="participation.replyTo" values={{ name: target.name }} />}
    >
      {(close) => (
        <CommentForm
          slug={target.slug}
          processId={target.processId}
          proposalId={target.proposalId}
          parentId={target.commentId ?? undefined}
          onDone={close}
        >
          <Button className="button button--secondary" onPress={close}>
            <FormattedMessage id="common.cancel" />
          </Button>
        </CommentForm>
      )}
    </ModalDialog>
  );
}

function ModerationDialog({ target, kind }: { target: Target; kind: 'report' | 'hide' }) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const refresh = useParticipationRefresh(target.slug);
  const [reason, setReason] = useState<ModerationReason>('spam');
  const send = useMutation({
    mutationFn: (text: string) =>
      kind === 'report'
        ? participationApi.report(target.slug, target.processId, target.proposalId, {
            reason,
            details: text,
            ...(target.commentId ? { commentId: target.commentId } : {}),
          })
        : participationApi.hide(target.slug, target.processId, target.proposalId, target.commentId, {
            reason,
            note: text,
          }),
  });
  const { fieldErrors, formError } = placeApiError(send.error, ['reason', 'details', 'note']);
  const textName = kind === 'report' ? 'details' : 'note';
  return (
    <ModalDialog
      trigger={
        <Button className="button button--small button--secondary">
          <FormattedMessage id={kind === 'report' ? 'participation.report' : 'participation.hide'} />
        </Button>
      }
      title={
        <FormattedMessage
          id={kind === 'report' ? 'participation.reportTitle' : 'participation.hideTitle'}
          values={{ name: target.name }}
        />
      }
    >
      {(close) => (
        <Form
          className="form"
          validationErrors={fieldErrors}
          onSubmit={(event) => {
            const form = readForm(event);
            send.mutate(form.text(textName), {
              onSuccess: async () => {
                close();
                await refresh();
                announce(
                  intl.formatMessage({
                    id: kind === 'report' ? 'participation.reported' : 'participation.hidden',
                  }),
                );
              },
            });
          }}
        >
          <ErrorAlert error={formError} />
          <SelectField
            name="reason"
            label={<FormattedMessage id="participation.reasonLabel" />}
            options={MODERATION_REASONS.map((id) => ({ id, label: labels.reason(id) }))}
            value={reason}
            onChange={(key) => setReason(String(key) as ModerationReason)}
          />
          <TextField
            name={textName}
            isOptional
            isMultiline
            rows={3}
            maxLength={1000}
            label={
              <FormattedMessage
                id={kind === 'report' ? 'participation.reportDetails' : 'participation.hideNote'}
              />
            }
            description={kind === 'hide' ? <FormattedMessage id="participation.hideNote.help" /> : undefined}
          />
          <div className="form-actions">
            <SubmitButton isPending={send.isPending}>
              <FormattedMessage
                id={kind === 'report' ? 'participation.reportSubmit' : 'participation.hideSubmit'}
              />
            </SubmitButton>
            <Button className="button button--secondary" onPress={close}>
              <FormattedMessage id="common.cancel" />
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
