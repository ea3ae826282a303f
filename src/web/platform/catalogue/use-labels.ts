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

type HelpPrefix = 'clusterTypeHelp' | 'visibilityHelp' | 'roleHelp';

export function useLabels() {
  const intl = useIntl();
  const label = (prefix: Prefix, code: string): string => {
    const id = `${prefix}.${code}`;
    if (id in intl.messages) return intl.formatMessage({ id: id as MessageId });
    return intl.formatMessage({ id: 'common.other' });
  };
  /** A longer explanation of a code, or nothing when there is none. */
  const help = (prefix: HelpPrefix, code: string): string => {
    const id = `${prefix}.${code}`;
    return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : '';
  };
  const options = (prefix: Prefix, codes: readonly string[]) =>
    codes.map((code) => ({ id: code, label: label(prefix, code) }));
  return {
    legalForm: (code: string) => label('legalForm', code),
    sector: (code: string) => label('sector', code),
    clusterType: (code: string) => label('clusterType', code),
    clusterTypeHelp: (code: string) => help('clusterTypeHelp', code),
    visibility: (code: string) => label('visibility', code),
    visibilityHelp: (code: string) => help('visibilityHelp', code),
    language: (code: string) => label('language', code),
    country: (code: string) => label('country', code),
    role: (code: string) => label('role', code),
    roleHelp: (code: string) => help('roleHelp', code),
    status: (code: string) => label('status', code),
    options,
    /** Options sorted by their label in the reader's language (for long lists such as countries). */
    sortedOptions: (prefix: Prefix, codes: readonly string[]) =>
      options(prefix, codes).sort((a, b) => a.label.localeCompare(b.label, intl.locale)),
  };
}
