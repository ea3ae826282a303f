/** What an account is called on screen: its organisation, or "the cluster's fee account". */
import { useIntl } from 'react-intl';

export function useAccountName() {
  const intl = useIntl();
  return (account: { kind?: string; name?: string; organisationName?: string }) => {
    const name = account.organisationName ?? account.name ?? '';
    return account.kind === 'fee' || name === '' ? intl.formatMessage({ id: 'currency.feeAccount' }) : name;
  };
}
