/** Coordinators change the currency's settings; code and decimals stay as they were set up. */
import './currency.css';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useCurrencyOverview } from './currency-api.ts';
import { CurrencySettingsForm } from './currency-settings-form.tsx';

export function CurrencySettingsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useCurrencyOverview(slug);
  const catalogue = useCatalogue();
  const currency = overview.data?.currency;
  const mayManage = overview.data?.can.manage === true;
  const title = intl.formatMessage({ id: 'currency.settings.title' });

  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={<FormattedMessage id="currency.settings.title" />}
      eyebrow={currency?.name}
      lead={<FormattedMessage id="currency.settings.lead" />}
      width="medium"
    >
      {(overview.isPending || catalogue.isPending) && <Loading />}
      <ErrorAlert error={overview.error ?? catalogue.error} />
      {overview.data && !mayManage && (
        <div className="alert alert--info">
          <p>
            <FormattedMessage id="currency.settings.notAllowed" />
          </p>
        </div>
      )}
      {overview.data && mayManage && !currency && (
        <p>
          <Link href={paths.currency(slug)}>
            <FormattedMessage id="currency.setUp.title" />
          </Link>
        </p>
      )}
      {currency && mayManage && catalogue.data && (
        <div className="card">
          <CurrencySettingsForm slug={slug} sectors={catalogue.data.sectors} initial={currency} />
        </div>
      )}
    </Page>
  );
}
