/** Writing a comment on a proposal, or (with `parentId`) a reply to one: a position and the text. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { type Alignment, participationApi, participationKeys } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

interface Props {
  readonly slug: string;
  readonly processId: string;
  readonly proposalId: string;
  readonly parentId?: string;
  /** Called once the comment is published (a dialog closes itself here). */
  readonly onDone?: () => void;
  /** More buttons beside the submit button (Cancel, in a dialog). */
  readonly children?: ReactNode;
}

export function CommentForm({ slug, processId, proposalId, parentId, onDone, children }: Props) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [alignment, setAlignment] = useState<Alignment>('neutral');
  const post = useMutation({
    mutationFn: (body: { body: string; alignment: Alignment }) =>
      participationApi.comment(slug, processId, proposalId, { ...body, parentId }),
    onSuccess: async () => {
      formRef.current?.reset();
      onDone?.();
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      announce(intl.formatMessage({ id: 'participation.commented' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(post.error, ['body', 'alignment']);
  const isReply = parentId !== undefined;
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        post.mutate({ body: form.text('body'), alignment });
      }}
    >
      <ErrorAlert error={formError} />
      <RadioGroupField
        name="alignment"
        label={<FormattedMessage id="participation.alignmentLabel" />}
        value={alignment}
        onChange={(value) => setAlignment(value as Alignment)}
        options={(['for', 'against', 'neutral'] as const).map((id) => ({ id, label: labels.alignment(id) }))}
      />
      <TextField
        name="body"
        isRequired
        isMultiline
        rows={4}
        maxLength={4000}
        label={<FormattedMessage id={isReply ? 'participation.replyLabel' : 'participation.commentLabel'} />}
      />
      <div className="form-actions">
        <SubmitButton isPending={post.isPending}>
          <FormattedMessage id={isReply ? 'participation.replySubmit' : 'participation.commentSubmit'} />
        </SubmitButton>
        {children}
      </div>
    </Form>
  );
}
