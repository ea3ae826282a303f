/**
 * Register an organisation in the cluster; it starts as an applicant until a coordinator admits it.
 * An organisation that applied before the cluster used Kopa keeps its real application date.
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { clusterKeys, useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { type OrganisationRegistration, organisationApi, organisationKeys } from './organisation-api.ts';
import { ORGANISATION_FIELD_NAMES, OrganisationFields, readOrganisation } from './organisation-fields.tsx';

export function RegisterOrganisationPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const cluster = useCluster(slug);
  const catalogue = useCatalogue();
  const formRef = useRef<HTMLFormElement>(null);
  const register = useMutation({
    mutationFn: (input: OrganisationRegistration) => organisationApi.register(slug, input),
    onSuccess: async (organisation) => {
      queryClient.setQueryData(organisationKeys.one(slug, organisation.id), organisation);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.anyDirectory(slug) });
      await queryClient.invalidateQueries({ queryKey: clusterKeys.one(slug) });
      await router.navigate({ href: paths.organisation(slug, organisation.id) });
      announce(intl.formatMessage({ id: 'registerOrganisation.done' }, { name: organisation.name }));
    },
  });
  const { fieldErrors, formError } = placeApiError(register.error, [
    ...ORGANISATION_FIELD_NAMES,
    'appliedOn',
  ]);
  useFocusFirstInvalid(formRef, register.error);
  const profile = cluster.data;

  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  return (
    <Page
      title={profile ? [intl.formatMessage({ id: 'registerOrganisation.title' }), profile.name] : null}
      heading={<FormattedMessage id="registerOrganisation.title" />}
      lead={<FormattedMessage id="registerOrganisation.lead" />}
      width="medium"
    >
      {(cluster.isPending || catalogue.isPending) && <Loading />}
      <ErrorAlert error={cluster.error ?? catalogue.error} />
      {profile && !profile.viewer.can['organisation.register'] && (
        <div className="alert alert--info" role="status">
          <p>
            <FormattedMessage id="registerOrganisation.notAllowed" />
          </p>
        </div>
      )}
      {profile && catalogue.data && profile.viewer.can['organisation.register'] && (
        <div className="card">
          <Form
            ref={formRef}
            className="form"
            validationErrors={fieldErrors}
            onSubmit={(event) => {
              const form = readForm(event);
              const appliedOn = form.text('appliedOn');
              register.mutate({ ...readOrganisation(form), ...(appliedOn ? { appliedOn } : {}) });
            }}
          >
            <ErrorAlert error={formError} />
            <OrganisationFields catalogue={catalogue.data} defaultCountry={profile.country} />
            <DateField
              name="appliedOn"
              isOptional
              maxValue={today(getLocalTimeZone())}
              label={<FormattedMessage id="registerOrganisation.appliedOn" />}
              description={<FormattedMessage id="registerOrganisation.appliedOn.help" />}
            />
            <div className="form-actions">
              <SubmitButton isPending={register.isPending}>
                <FormattedMessage id="registerOrganisation.submit" />
              </SubmitButton>
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}
