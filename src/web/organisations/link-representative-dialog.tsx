/**
 * Links a person of the cluster as the organisation's representative, under a mandate with dates.
 * The person is found by name among the cluster's people (a newcomer is invited first, on the
 * people page).
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { peopleKeys } from '../people/people-api.ts';
import { PersonPicker } from '../people/person-picker.tsx';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type Organisation, organisationApi, organisationKeys } from './organisation-api.ts';

interface Props {
  readonly slug: string;
  readonly organisation: Organisation;
}

export function LinkRepresentativeDialog({ slug, organisation }: Props) {
  const intl = useIntl();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'representative.linkTitle' }, { name: organisation.name })}
      trigger={
        <Button className="button button--secondary">
          <FormattedMessage id="representative.link" />
        </Button>
      }
    >
      {(close) => <LinkRepresentativeForm slug={slug} organisation={organisation} onDone={close} />}
    </ModalDialog>
  );
}

function LinkRepresentativeForm({ slug, organisation, onDone }: Props & { onDone: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const link = useMutation({
    mutationFn: (input: { personId: string; mandate: string; startsOn: string; endsOn?: string }) =>
      organisationApi.linkRepresentative(slug, organisation.id, input),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationKeys.one(slug, organisation.id), updated);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.people(slug) });
      onDone();
      announce(intl.formatMessage({ id: 'representative.linked' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(link.error, ['personId', 'mandate', 'startsOn', 'endsOn']);
  useFocusFirstInvalid(formRef, link.error);
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        const endsOn = form.text('endsOn');
        link.mutate({
          personId: form.text('personId'),
          mandate: form.text('mandate').trim(),
          startsOn: form.text('startsOn'),
          ...(endsOn ? { endsOn } : {}),
        });
      }}
    >
      <ErrorAlert error={formError} />
      <PersonPicker
        slug={slug}
        name="personId"
        isRequired
        label={<FormattedMessage id="representative.person" />}
        description={
          <FormattedMessage
            id="representative.person.help"
            values={{ link: (text) => <Link href={paths.people(slug)}>{text}</Link> }}
          />
        }
      />
      <TextField
        name="mandate"
        isRequired
        isMultiline
        rows={3}
        maxLength={1000}
        label={<FormattedMessage id="representative.mandate" />}
        description={<FormattedMessage id="representative.mandate.help" />}
      />
      <div className="form-grid form-grid--two">
        <DateField
          name="startsOn"
          isRequired
          defaultValue={today(getLocalTimeZone())}
          label={<FormattedMessage id="representative.startsOn" />}
        />
        <DateField name="endsOn" label={<FormattedMessage id="representative.endsOn" />} />
      </div>
      <div className="form-actions">
        <SubmitButton isPending={link.isPending}>
          <FormattedMessage id="representative.link" />
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
