/**
 * The two buttons at the foot of a confirmation dialog: the irreversible action, which says it is
 * working while its request runs and cannot be sent twice, and "Cancel", which closes the dialog.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';

interface Props {
  readonly isPending: boolean;
  readonly onConfirm: () => void;
  readonly children: ReactNode;
}

export function ConfirmActions({ isPending, onConfirm, children }: Props) {
  return (
    <div className="form-actions">
      <Button
        className="button button--danger"
        onPress={() => {
          if (!isPending) onConfirm();
        }}
      >
        {isPending ? <FormattedMessage id="form.sending" /> : children}
      </Button>
      <Button className="button button--secondary" slot="close">
        <FormattedMessage id="common.cancel" />
      </Button>
    </div>
  );
}
