/** Invite someone by e-mail to a role; they get a link to accept with their own account. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Catalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { peopleApi, peopleKeys } from './people-api.ts';

export function InviteForm({ slug, catalogue }: { slug: string; catalogue: Catalogue }) {
  const intl = useIntl();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [invitedEmail, setInvitedEmail] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: (input: { email: string; role: string }) => peopleApi.invite(slug, input.email, input.role),
    onSuccess: async (invitation) => {
      setInvitedEmail(invitation.email);
      formRef.current?.reset();
      await queryClient.invalidateQueries({ queryKey: peopleKeys.invitations(slug) });
    },
  });
  const { fieldErrors, formError } = placeApiError(invite.error, ['email', 'role']);
  useFocusFirstInvalid(formRef, invite.error);

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">
        <FormattedMessage id="invite.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="invite.lead" />
      </p>
      <Form
        ref={formRef}
        className="form"
        validationErrors={fieldErrors}
        onSubmit={(event) => {
          const form = readForm(event);
          setInvitedEmail(null);
          invite.mutate({ email: form.text('email').trim(), role: form.text('role') });
        }}
      >
        {invitedEmail && (
          <SuccessAlert>
            <p>
              <FormattedMessage id="invite.sent" values={{ email: invitedEmail }} />
            </p>
          </SuccessAlert>
        )}
        <ErrorAlert error={formError} />
        <TextField
          name="email"
          type="email"
          isRequired
          maxLength={254}
          label={<FormattedMessage id="field.email" />}
        />
        <SelectField
          name="role"
          isRequired
          defaultValue="participant"
          label={<FormattedMessage id="invite.role" />}
          options={labels.options('role', catalogue.roles)}
          placeholder={intl.formatMessage({ id: 'form.choose' })}
        />
        <div className="form-actions">
          <SubmitButton isPending={invite.isPending}>
            <FormattedMessage id="invite.submit" />
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
