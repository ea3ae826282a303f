/**
 * The button that sends a form. While the request runs it says so and cannot send twice (it
 * stops being a submit button). React Aria's own `isPending` is not used: its announcement
 * points at the button by id, which is gone when the page changes after success.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';

interface Props {
  readonly children: ReactNode;
  readonly isPending?: boolean;
  readonly variant?: 'primary' | 'danger' | 'secondary';
}

export function SubmitButton({ children, isPending = false, variant = 'primary' }: Props) {
  const className = variant === 'primary' ? 'button' : `button button--${variant}`;
  return (
    <Button
      type={isPending ? 'button' : 'submit'}
      className={className}
      aria-disabled={isPending || undefined}
    >
      {isPending ? <FormattedMessage id="form.sending" /> : children}
    </Button>
  );
}
