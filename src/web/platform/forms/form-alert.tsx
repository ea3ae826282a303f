/**
 * A message about the whole form: an error the server did not tie to one field (role="alert",
 * so it is announced), or a confirmation (role="status").
 */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { isApiError } from '../api/api-error.ts';

export function useErrorText() {
  const intl = useIntl();
  return (error: unknown): string => {
    if (isApiError(error) && !error.isNetworkFailure && error.message) return error.message;
    if (isApiError(error) && error.isNetworkFailure) return intl.formatMessage({ id: 'error.network' });
    return intl.formatMessage({ id: 'error.unexpected' });
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: ReactNode }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {title && <p className="alert__title">{title}</p>}
      <p>{errorText(error)}</p>
    </div>
  );
}

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
