/**
 * One person's roles in the cluster: each shown as a label, with — for coordinators — a way to
 * revoke it and to grant another role.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { clusterKeys } from '../clusters/cluster-api.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { SESSION_QUERY_KEY } from '../platform/session/use-session.ts';
import { type ClusterPerson, peopleApi, peopleKeys } from './people-api.ts';

interface Props {
  readonly slug: string;
  readonly person: ClusterPerson;
  readonly roles: readonly string[];
  readonly mayManage: boolean;
}

export function PersonRoles({ slug, person, roles, mayManage }: Props) {
  const intl = useIntl();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: peopleKeys.people(slug) });
    await queryClient.invalidateQueries({ queryKey: clusterKeys.one(slug) });
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };
  const revoke = useMutation({
    mutationFn: (role: string) => peopleApi.revoke(slug, person.id, role),
    onSuccess: async (_result, role) => {
      await refresh();
      announce(
        intl.formatMessage({ id: 'people.revoked' }, { role: labels.role(role), person: person.displayName }),
      );
    },
  });
  const grant = useMutation({
    mutationFn: (role: string) => peopleApi.grant(slug, person.id, role),
    onSuccess: async (_result, role) => {
      await refresh();
      announce(
        intl.formatMessage({ id: 'people.granted' }, { role: labels.role(role), person: person.displayName }),
      );
    },
  });
  const missing = roles.filter((role) => !person.roles.includes(role));

  return (
    <div className="stack">
      <ul
        className="badge-list"
        aria-label={intl.formatMessage({ id: 'people.rolesOf' }, { person: person.displayName })}
      >
        {person.roles.map((role) => (
          <li key={role} className="role-chip">
            <span className="badge badge--role">{labels.role(role)}</span>
            {mayManage && (
              <Button
                className="role-chip__remove"
                aria-label={intl.formatMessage(
                  { id: 'people.revoke' },
                  { role: labels.role(role), person: person.displayName },
                )}
                onPress={() => {
                  if (!revoke.isPending) revoke.mutate(role);
                }}
              >
                <span aria-hidden="true">×</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={revoke.error ?? grant.error} />
      {mayManage && missing.length > 0 && (
        <Form
          className="row grant-form"
          onSubmit={(event) => {
            const role = readForm(event).text('role');
            if (role) grant.mutate(role);
          }}
        >
          <SelectField
            name="role"
            isRequired
            label={intl.formatMessage({ id: 'people.grantLabel' }, { person: person.displayName })}
            labelClassName="visually-hidden"
            className="field grant-form__select"
            options={labels.options('role', missing)}
            placeholder={intl.formatMessage({ id: 'people.grantPlaceholder' })}
          />
          <SubmitButton variant="secondary" isPending={grant.isPending}>
            <FormattedMessage id="people.grant" />
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
