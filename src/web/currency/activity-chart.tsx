/** A wallet's income and spending per month over the last twelve months. */
import { useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import type { CurrencyUnit } from './amount.ts';
import { BarChart, useMonthCategories } from './bar-chart.tsx';
import { useActivity } from './currency-api.ts';
import { useFormatAmount } from './money.tsx';

export function ActivityChart({
  slug,
  accountId,
  unit,
}: {
  slug: string;
  accountId: string;
  unit: CurrencyUnit;
}) {
  const intl = useIntl();
  const activity = useActivity(slug, accountId);
  const format = useFormatAmount(unit);
  const months = activity.data?.months ?? [];
  const categories = useMonthCategories(months.map((m) => m.month));
  return (
    <section aria-labelledby="activity-heading" className="stack">
      <h2 id="activity-heading">{intl.formatMessage({ id: 'currency.activity.title' })}</h2>
      {activity.isPending && <Loading />}
      <ErrorAlert error={activity.error} />
      {activity.data && (
        <BarChart
          title={intl.formatMessage({ id: 'currency.activity.chart' })}
          categoryHeader={intl.formatMessage({ id: 'currency.chart.month' })}
          categories={categories}
          series={[
            {
              label: intl.formatMessage({ id: 'currency.activity.income' }),
              values: months.map((m) => m.incomeMinor),
              format: (value) => format(value),
            },
            {
              label: intl.formatMessage({ id: 'currency.activity.spending' }),
              values: months.map((m) => m.spendingMinor),
              format: (value) => format(value),
            },
          ]}
          extraColumns={[
            {
              label: intl.formatMessage({ id: 'currency.activity.transfers' }),
              values: months.map((m) => m.transfers),
              format: (value) => intl.formatNumber(value),
            },
          ]}
        />
      )}
    </section>
  );
}
