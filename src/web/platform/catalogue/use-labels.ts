/**
 * Labels for the catalogue's codes, in the reader's language. A code the web app does not know
 * yet (a newer server) falls back to a neutral "Other" rather than showing the raw code.
 */
import { useIntl } from 'react-intl';
import type { MessageId } from '../i18n/message-ids.ts';

type Prefix =
  | 'legalForm'
  | 'sector'
  | 'clusterType'
  | 'visibility'
  | 'language'
  | 'country'
  | 'role'
  | 'status';

export function useLabels() {
  const intl = useIntl();
  const label = (prefix: Prefix, code: string): string => {
    const id = `${prefix}.${code}`;
    if (id in intl.messages) return intl.formatMessage({ id: id as MessageId });
    return intl.formatMessage({ id: 'common.other' });
  };
  const options = (prefix: Prefix, codes: readonly string[]) =>
    codes.map((code) => ({ id: code, label: label(prefix, code) }));
  return {
    legalForm: (code: string) => label('legalForm', code),
    sector: (code: string) => label('sector', code),
    clusterType: (code: string) => label('clusterType', code),
    visibility: (code: string) => label('visibility', code),
    language: (code: string) => label('language', code),
    country: (code: string) => label('country', code),
    role: (code: string) => label('role', code),
    status: (code: string) => label('status', code),
    options,
    /** Options sorted by their label in the reader's language (for long lists such as countries). */
    sortedOptions: (prefix: Prefix, codes: readonly string[]) =>
      options(prefix, codes).sort((a, b) => a.label.localeCompare(b.label, intl.locale)),
  };
}
