/** Coordinators edit the cluster's profile; a new address moves the cluster (old links stop working). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SESSION_QUERY_KEY } from '../platform/session/use-session.ts';
import { clusterApi, clusterKeys, useCluster } from './cluster-api.ts';
import { CLUSTER_FIELD_NAMES, ClusterProfileFields } from './cluster-profile-fields.tsx';
import { readClusterProfile } from './read-cluster-profile.ts';

export function ClusterSettingsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const cluster = useCluster(slug);
  const catalogue = useCatalogue();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (input: ReturnType<typeof readClusterProfile>) => clusterApi.update(slug, input),
    onSuccess: async (profile) => {
      queryClient.setQueryData(clusterKeys.one(profile.slug), profile);
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: clusterKeys.list });
      if (profile.slug !== slug) {
        await router.navigate({ href: paths.clusterSettings(profile.slug) });
      }
      announce(intl.formatMessage({ id: 'common.saved' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(save.error, CLUSTER_FIELD_NAMES);
  useFocusFirstInvalid(formRef, save.error);
  const profile = cluster.data;
  const title = intl.formatMessage({ id: 'settings.title' });

  return (
    <Page
      title={profile ? [title, profile.name] : null}
      heading={<FormattedMessage id="settings.title" />}
      lead={<FormattedMessage id="settings.lead" />}
      width="medium"
    >
      {(cluster.isPending || catalogue.isPending) && <Loading />}
      <ErrorAlert error={cluster.error ?? catalogue.error} />
      {profile && !profile.viewer.can['cluster.edit_profile'] && (
        <div className="alert alert--info" role="status">
          <p>
            <FormattedMessage id="settings.notAllowed" />
          </p>
        </div>
      )}
      {profile && catalogue.data && profile.viewer.can['cluster.edit_profile'] && (
        <div className="card">
          <Form
            ref={formRef}
            className="form"
            validationErrors={fieldErrors}
            onSubmit={(event) => save.mutate(readClusterProfile(readForm(event)))}
          >
            <ErrorAlert error={formError} />
            {save.isSuccess && (
              <SuccessAlert>
                <p>
                  <FormattedMessage id="common.saved" />
                </p>
              </SuccessAlert>
            )}
            <ClusterProfileFields catalogue={catalogue.data} initial={profile} isExisting />
            <div className="form-actions">
              <SubmitButton isPending={save.isPending}>
                <FormattedMessage id="common.save" />
              </SubmitButton>
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}
