/**
 * Deleting one's account: a plain warning of what happens, then the password to confirm, in a
 * dialog. Personal data is erased; the clusters' public logs stay verifiable, as they never held it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { refreshPrivateData } from '../platform/session/refresh-private-data.ts';
import { accountApi } from './account-api.ts';

export function DeleteAccountSection() {
  const intl = useIntl();
  return (
    <section className="card card--danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">
        <FormattedMessage id="delete.title" />
      </h2>
      <p>
        <FormattedMessage id="delete.warning" />
      </p>
      <ModalDialog
        role="alertdialog"
        title={intl.formatMessage({ id: 'delete.dialogTitle' })}
        trigger={
          <Button className="button button--danger">
            <FormattedMessage id="delete.open" />
          </Button>
        }
      >
        {(close) => <DeleteAccountForm onCancel={close} />}
      </ModalDialog>
    </section>
  );
}

function DeleteAccountForm({ onCancel }: { onCancel: () => void }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const erase = useMutation({
    mutationFn: (password: string) => accountApi.erase(password),
    onSuccess: async () => {
      await router.navigate({ href: paths.home() });
      await refreshPrivateData(queryClient);
      announce(intl.formatMessage({ id: 'delete.done' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(erase.error, ['password']);
  useFocusFirstInvalid(formRef, erase.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => erase.mutate(readForm(event).text('password'))}
    >
      <div className="alert alert--warning">
        <p className="alert__title">
          <FormattedMessage id="delete.cannotUndo" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="delete.point.data" />
          </li>
          <li>
            <FormattedMessage id="delete.point.roles" />
          </li>
          <li>
            <FormattedMessage id="delete.point.log" />
          </li>
        </ul>
      </div>
      <ErrorAlert error={formError} />
      <TextField
        name="password"
        type="password"
        autoComplete="current-password"
        isRequired
        autoFocus
        label={<FormattedMessage id="delete.password" />}
      />
      <div className="form-actions">
        <SubmitButton variant="danger" isPending={erase.isPending}>
          <FormattedMessage id="delete.confirm" />
        </SubmitButton>
        <Button className="button button--secondary" onPress={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
