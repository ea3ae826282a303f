/**
 * The currency's public figures on the transparency page, for anyone and without signing in:
 * accounts, active traders, velocity, monthly volume and transactions, and how balances are
 * spread — as counts per band, never one member's balance.
 */
import './currency.css';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { type CurrencyUnit, formatAmount } from './amount.ts';
import { BarChart, useMonthCategories } from './bar-chart.tsx';
import { type BalanceBand, type CurrencyFigures, useCurrencyFigures } from './currency-api.ts';
import { useFormatAmount } from './money.tsx';
import { TableRegion } from './table-region.tsx';

export function CurrencyFiguresSection({ slug }: { slug: string }) {
  const figures = useCurrencyFigures(slug);
  if (figures.isPending) return <Loading />;
  if (figures.error) return <ErrorAlert error={figures.error} />;
  if (!figures.data.currency) return null;
  return <Figures figures={figures.data} />;
}

function Figures({ figures }: { figures: Extract<CurrencyFigures, { currency: object }> }) {
  const intl = useIntl();
  const unit = figures.currency;
  const format = useFormatAmount(unit);
  const months = figures.volumeByMonth;
  const categories = useMonthCategories(months.map((m) => m.month));
  const yearVolume = months.reduce((sum, m) => sum + m.volumeMinor, 0);
  const yearTransactions = months.reduce((sum, m) => sum + m.transactions, 0);
  const count = (value: number) => intl.formatNumber(value);

  return (
    <section aria-labelledby="currency-figures-heading" className="stack-lg currency-figures">
      <div className="stack">
        <h2 id="currency-figures-heading">
          <FormattedMessage id="currency.figures.title" values={{ name: unit.name, code: unit.code }} />
        </h2>
        <p className="muted">
          <FormattedMessage id="currency.figures.lead" />
        </p>
      </div>
      <dl className="facts">
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.figures.accounts" />
          </dt>
          <dd className="stat__value">{count(figures.accounts)}</dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage
              id="currency.figures.activeTraders"
              values={{ days: figures.activeTraderDays }}
            />
          </dt>
          <dd className="stat__value">{count(figures.activeTraders)}</dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.figures.volume" />
          </dt>
          <dd className="stat__value">{format(yearVolume)}</dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.figures.transactions" />
          </dt>
          <dd className="stat__value">{count(yearTransactions)}</dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.figures.velocity" />
          </dt>
          <dd className="stat__value">
            {figures.velocity === null
              ? intl.formatMessage({ id: 'currency.figures.noVelocity' })
              : intl.formatNumber(figures.velocity, { maximumFractionDigits: 2 })}
          </dd>
        </div>
      </dl>
      <p className="muted small">
        <FormattedMessage id="currency.figures.velocity.help" />
      </p>
      <div className="chart-pair">
        <BarChart
          title={intl.formatMessage({ id: 'currency.figures.volumeChart' })}
          categoryHeader={intl.formatMessage({ id: 'currency.chart.month' })}
          categories={categories}
          series={[
            {
              label: intl.formatMessage({ id: 'currency.figures.volumeSeries' }),
              values: months.map((m) => m.volumeMinor),
              format: (value) => format(value),
            },
          ]}
          extraColumns={[
            {
              label: intl.formatMessage({ id: 'currency.figures.transactionsSeries' }),
              values: months.map((m) => m.transactions),
              format: count,
            },
          ]}
        />
        <BarChart
          title={intl.formatMessage({ id: 'currency.figures.transactionsChart' })}
          categoryHeader={intl.formatMessage({ id: 'currency.chart.month' })}
          categories={categories}
          series={[
            {
              label: intl.formatMessage({ id: 'currency.figures.transactionsSeries' }),
              values: months.map((m) => m.transactions),
              format: count,
            },
          ]}
        />
      </div>
      <BalanceBands bands={figures.balanceBands} unit={unit} />
    </section>
  );
}

function BalanceBands({ bands, unit }: { bands: readonly BalanceBand[]; unit: CurrencyUnit }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'currency.figures.bands' });
  const most = Math.max(1, ...bands.map((band) => band.accounts));
  // Band edges are whole units of the currency.
  const units = (value: number) => formatAmount(value, { ...unit, decimals: 0 }, intl.locale);
  const label = (band: BalanceBand) => {
    if (band.fromUnits === null && band.toUnits !== null)
      return intl.formatMessage({ id: 'currency.figures.band.below' }, { to: units(band.toUnits) });
    if (band.toUnits === null && band.fromUnits !== null)
      return intl.formatMessage({ id: 'currency.figures.band.above' }, { from: units(band.fromUnits) });
    return intl.formatMessage(
      { id: 'currency.figures.band.between' },
      { from: units(band.fromUnits ?? 0), to: units(band.toUnits ?? 0) },
    );
  };
  return (
    <section aria-labelledby="bands-heading" className="stack">
      <h3 id="bands-heading">{title}</h3>
      <p className="muted small">
        <FormattedMessage id="currency.figures.bands.help" />
      </p>
      <TableRegion label={title}>
        <table className="table bands-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="currency.figures.band" />
              </th>
              <th scope="col">
                <FormattedMessage id="currency.figures.accounts" />
              </th>
            </tr>
          </thead>
          <tbody>
            {bands.map((band) => (
              <tr key={`${band.fromUnits}:${band.toUnits}`}>
                <th scope="row">{label(band)}</th>
                <td className="bands-table__count">
                  <span>{intl.formatNumber(band.accounts)}</span>
                  <svg
                    className="bands-table__bar"
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <rect x={0} y={0} height={10} width={(band.accounts / most) * 100} />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
