/** Start a cluster; its creator becomes its first coordinator. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { SESSION_QUERY_KEY, useSession } from '../platform/session/use-session.ts';
import { clusterApi, clusterKeys } from './cluster-api.ts';
import { CLUSTER_FIELD_NAMES, ClusterProfileFields } from './cluster-profile-fields.tsx';
import { readClusterProfile } from './read-cluster-profile.ts';

export function CreateClusterPage() {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const catalogue = useCatalogue();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: clusterApi.create,
    onSuccess: async (cluster) => {
      queryClient.setQueryData(clusterKeys.one(cluster.slug), cluster);
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: clusterKeys.list });
      await router.navigate({ href: paths.cluster(cluster.slug) });
      announce(intl.formatMessage({ id: 'createCluster.done' }, { name: cluster.name }));
    },
  });
  const { fieldErrors, formError } = placeApiError(create.error, CLUSTER_FIELD_NAMES);
  useFocusFirstInvalid(formRef, create.error);

  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  return (
    <Page
      title={[intl.formatMessage({ id: 'createCluster.title' })]}
      heading={<FormattedMessage id="createCluster.title" />}
      lead={<FormattedMessage id="createCluster.lead" />}
      width="medium"
    >
      {!catalogue.data ? (
        <>
          {catalogue.isPending && <Loading />}
          <ErrorAlert error={catalogue.error} />
        </>
      ) : (
        <div className="card">
          <Form
            ref={formRef}
            className="form"
            validationErrors={fieldErrors}
            onSubmit={(event) => create.mutate(readClusterProfile(readForm(event)))}
          >
            <ErrorAlert error={formError} />
            <ClusterProfileFields catalogue={catalogue.data} />
            <div className="form-actions">
              <SubmitButton isPending={create.isPending}>
                <FormattedMessage id="createCluster.submit" />
              </SubmitButton>
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}
