/**
 * What every page of one currency account reads: the cluster (for the document title), the
 * currency (for amounts), the wallet and the name it goes by.
 */
import { useCluster } from '../clusters/cluster-api.ts';
import { useAccountName } from './account-name.ts';
import { useCurrencyOverview, useWallet } from './currency-api.ts';

export function useAccountPage(slug: string, accountId: string) {
  const cluster = useCluster(slug);
  const overview = useCurrencyOverview(slug);
  const wallet = useWallet(slug, accountId);
  const accountName = useAccountName();
  return {
    clusterName: cluster.data?.name ?? null,
    overview: overview.data,
    currency: overview.data?.currency ?? null,
    wallet: wallet.data,
    name: wallet.data ? accountName(wallet.data) : null,
    isPending: overview.isPending || wallet.isPending,
    error: overview.error ?? wallet.error,
  };
}
