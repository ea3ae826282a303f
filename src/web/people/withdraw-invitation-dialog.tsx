/** Withdraws an invitation not yet accepted, after a confirmation that names the address. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ConfirmActions } from '../platform/layout/confirm-actions.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { type Invitation, peopleApi, peopleKeys } from './people-api.ts';

interface Props {
  readonly slug: string;
  readonly invitation: Invitation;
}

export function WithdrawInvitationDialog({ slug, invitation }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const names = { email: invitation.email };
  const refreshList = () => queryClient.invalidateQueries({ queryKey: peopleKeys.invitations(slug) });
  const withdraw = useMutation({
    mutationFn: () => peopleApi.withdraw(slug, invitation.id),
    onSuccess: async () => {
      await refreshList();
      // The invitation went, and with it this dialog and the button that opened it: keep the
      // keyboard on the page.
      requestAnimationFrame(focusMainHeading);
      announce(intl.formatMessage({ id: 'invitations.withdrawn' }, names));
    },
  });
  return (
    <ModalDialog
      role="alertdialog"
      title={intl.formatMessage({ id: 'invitations.withdrawTitle' })}
      onOpenChange={(isOpen) => {
        // A refusal means it was accepted or withdrawn meanwhile: once the reader has seen why,
        // show the list as it is now.
        if (!isOpen && withdraw.isError) void refreshList();
      }}
      trigger={
        <Button
          className="button button--secondary button--small"
          aria-label={intl.formatMessage({ id: 'invitations.withdrawNamed' }, names)}
        >
          <FormattedMessage id="invitations.withdraw" />
        </Button>
      }
    >
      {() => (
        <div className="stack">
          <p>
            <FormattedMessage id="invitations.withdrawText" values={names} />
          </p>
          <ErrorAlert error={withdraw.error} />
          <ConfirmActions isPending={withdraw.isPending} onConfirm={() => withdraw.mutate()}>
            <FormattedMessage id="invitations.withdrawConfirm" />
          </ConfirmActions>
        </div>
      )}
    </ModalDialog>
  );
}
