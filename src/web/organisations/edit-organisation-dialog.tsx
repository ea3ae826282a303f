/** Coordinators correct an organisation's details (every edit is recorded in the public log). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Catalogue } from '../platform/catalogue/use-catalogue.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import {
  type Organisation,
  type OrganisationInput,
  organisationApi,
  organisationKeys,
} from './organisation-api.ts';
import { ORGANISATION_FIELD_NAMES, OrganisationFields, readOrganisation } from './organisation-fields.tsx';

interface Props {
  readonly slug: string;
  readonly organisation: Organisation;
  readonly catalogue: Catalogue;
}

export function EditOrganisationDialog({ slug, organisation, catalogue }: Props) {
  const intl = useIntl();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'organisation.editTitle' }, { name: organisation.name })}
      trigger={
        <Button className="button button--secondary">
          <FormattedMessage id="organisation.edit" />
        </Button>
      }
    >
      {(close) => (
        <EditOrganisationForm slug={slug} organisation={organisation} catalogue={catalogue} onDone={close} />
      )}
    </ModalDialog>
  );
}

function EditOrganisationForm({ slug, organisation, catalogue, onDone }: Props & { onDone: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (input: OrganisationInput) => organisationApi.update(slug, organisation.id, input),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationKeys.one(slug, organisation.id), updated);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.anyDirectory(slug) });
      onDone();
      announce(intl.formatMessage({ id: 'common.saved' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(save.error, ORGANISATION_FIELD_NAMES);
  useFocusFirstInvalid(formRef, save.error);
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => save.mutate(readOrganisation(readForm(event)))}
    >
      <ErrorAlert error={formError} />
      <OrganisationFields catalogue={catalogue} initial={organisation} />
      <div className="form-actions">
        <SubmitButton isPending={save.isPending}>
          <FormattedMessage id="common.save" />
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
