/** Ends a representative's mandate today, after a confirmation that names who and for whom. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ConfirmActions } from '../platform/layout/confirm-actions.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { type Mandate, type Organisation, organisationApi, organisationKeys } from './organisation-api.ts';

interface Props {
  readonly slug: string;
  readonly organisation: Organisation;
  readonly mandate: Mandate;
}

export function EndMandateDialog({ slug, organisation, mandate }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => organisationApi.endMandate(slug, organisation.id, mandate.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(organisationKeys.one(slug, organisation.id), updated);
      announce(intl.formatMessage({ id: 'representative.ended' }, { person: mandate.displayName }));
    },
  });
  const names = { person: mandate.displayName, organisation: organisation.name };
  return (
    <ModalDialog
      role="alertdialog"
      title={intl.formatMessage({ id: 'representative.endTitle' })}
      trigger={
        <Button
          className="button button--secondary button--small"
          aria-label={intl.formatMessage({ id: 'representative.endNamed' }, names)}
        >
          <FormattedMessage id="representative.end" />
        </Button>
      }
    >
      {(close) => (
        <div className="stack">
          <p>
            <FormattedMessage id="representative.endText" values={names} />
          </p>
          <ErrorAlert error={end.error} />
          <ConfirmActions
            isPending={end.isPending}
            onConfirm={() =>
              end.mutate(undefined, {
                onSuccess: () => {
                  close();
                  // The "end mandate" button went with the mandate: keep the keyboard on the page.
                  requestAnimationFrame(focusMainHeading);
                },
              })
            }
          >
            <FormattedMessage id="representative.end" />
          </ConfirmActions>
        </div>
      )}
    </ModalDialog>
  );
}
