/**
 * A modal dialog opened by a button: it traps focus while open, closes on Escape, and gives the
 * focus back to the button that opened it (React Aria).
 */
import type { ReactElement, ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  /** The button that opens the dialog. */
  readonly trigger: ReactElement;
  readonly title: ReactNode;
  readonly children: (close: () => void) => ReactNode;
  readonly isOpen?: boolean;
  readonly onOpenChange?: (isOpen: boolean) => void;
  /** An alert dialog is for a destructive choice; it is not closed by a click outside. */
  readonly role?: 'dialog' | 'alertdialog';
}

export function ModalDialog({ trigger, title, children, isOpen, onOpenChange, role = 'dialog' }: Props) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <ModalOverlay
        className="modal-overlay"
        isDismissable={role === 'dialog'}
        isKeyboardDismissDisabled={false}
      >
        <Modal className="modal">
          <Dialog className="dialog" role={role}>
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
