/** One's name as others see it, and the address one signs in with. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { type Person, SESSION_QUERY_KEY } from '../platform/session/use-session.ts';
import { accountApi } from './account-api.ts';

export function ProfileSection({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (displayName: string) => accountApi.updateProfile({ displayName }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
  const { fieldErrors, formError } = placeApiError(save.error, ['displayName']);
  useFocusFirstInvalid(formRef, save.error);

  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">
        <FormattedMessage id="account.profile" />
      </h2>
      <Form
        ref={formRef}
        className="form"
        validationErrors={fieldErrors}
        onSubmit={(event) => save.mutate(readForm(event).text('displayName').trim())}
      >
        <ErrorAlert error={formError} />
        {save.isSuccess && (
          <SuccessAlert>
            <p>
              <FormattedMessage id="common.saved" />
            </p>
          </SuccessAlert>
        )}
        <TextField
          name="displayName"
          autoComplete="name"
          isRequired
          maxLength={120}
          defaultValue={person.displayName}
          label={<FormattedMessage id="field.displayName" />}
          description={<FormattedMessage id="field.displayName.help" />}
        />
        <div className="field">
          <span className="field__label">
            <FormattedMessage id="field.email" />
          </span>
          <span>{person.email}</span>
        </div>
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>
            <FormattedMessage id="common.save" />
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
