/**
 * A small bar chart of monthly figures, drawn as SVG without a chart library. With two series the
 * first grows up and the second down from the zero line, so they differ by place, not by colour
 * alone. The picture is one image for assistive technology; the exact figures are in a table
 * beside it, which anyone can open.
 */
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TableRegion } from './table-region.tsx';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly format: (value: number) => string;
}

export interface ChartCategory {
  /** As the table names it ("March 2026"). */
  readonly long: string;
  /** Under the bars ("Mar"), and "M" on a narrow screen. */
  readonly short: string;
  readonly narrow: string;
}

interface Props {
  readonly title: string;
  readonly categoryHeader: string;
  readonly categories: readonly ChartCategory[];
  /** One series, or two drawn up and down from the zero line. */
  readonly series: readonly [ChartSeries] | readonly [ChartSeries, ChartSeries];
  /** Columns only the table shows (such as the number of transfers). */
  readonly extraColumns?: readonly ChartSeries[];
}

const COLUMN_WIDTH = 10;
const BAR_WIDTH = 6;
const HEIGHT = 100;
/** A month with some activity stays visible even beside a much larger one. */
const MIN_BAR = 1;

function barHeight(value: number, max: number, room: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(MIN_BAR, (value / max) * room);
}

export function BarChart({ title, categoryHeader, categories, series, extraColumns = [] }: Props) {
  const intl = useIntl();
  const id = useId();
  const [up, down] = series;
  const maxUp = Math.max(0, ...up.values);
  const maxDown = down ? Math.max(0, ...down.values) : 0;
  const zeroY = down ? (maxUp + maxDown === 0 ? HEIGHT / 2 : (HEIGHT * maxUp) / (maxUp + maxDown)) : HEIGHT;
  const width = categories.length * COLUMN_WIDTH;
  const captionId = `${id}-caption`;

  return (
    <figure className="chart">
      <figcaption id={captionId} className="chart__title">
        {title}
      </figcaption>
      <ul className="chart__legend">
        {series.map((one, index) => (
          <li key={one.label}>
            <span className={`chart__swatch chart__swatch--${index}`} aria-hidden="true" />
            {one.label}
            {series.length > 1 && (
              <span className="muted">
                {' '}
                (
                {index === 0 ? (
                  <FormattedMessage id="currency.chart.upwards" />
                ) : (
                  <FormattedMessage id="currency.chart.downwards" />
                )}
                )
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="chart__plot">
        <svg
          className="chart__svg"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${title}. ${intl.formatMessage({ id: 'currency.chart.seeTable' })}`}
        >
          {categories.map((category, index) => {
            const x = index * COLUMN_WIDTH + (COLUMN_WIDTH - BAR_WIDTH) / 2;
            const upHeight = barHeight(up.values[index] ?? 0, maxUp, zeroY);
            const downHeight = down ? barHeight(down.values[index] ?? 0, maxDown, HEIGHT - zeroY) : 0;
            return (
              <g key={category.long}>
                {upHeight > 0 && (
                  <rect
                    className="chart__bar chart__bar--0"
                    x={x}
                    y={zeroY - upHeight}
                    width={BAR_WIDTH}
                    height={upHeight}
                  />
                )}
                {downHeight > 0 && (
                  <rect
                    className="chart__bar chart__bar--1"
                    x={x}
                    y={zeroY}
                    width={BAR_WIDTH}
                    height={downHeight}
                  />
                )}
              </g>
            );
          })}
          <line
            className="chart__zero"
            x1={0}
            x2={width}
            y1={zeroY}
            y2={zeroY}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <p className="chart__scale" aria-hidden="true">
          <span>{up.format(maxUp)}</span>
          {down && <span>{down.format(maxDown)}</span>}
        </p>
      </div>
      <ol className="chart__categories" aria-hidden="true">
        {categories.map((category) => (
          <li key={category.long}>
            <span className="chart__short">{category.short}</span>
            <span className="chart__narrow">{category.narrow}</span>
          </li>
        ))}
      </ol>
      <details className="chart__details">
        <summary>
          <FormattedMessage id="currency.chart.showTable" />
        </summary>
        <TableRegion label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {[...series, ...extraColumns].map((column) => (
                  <th key={column.label} scope="col" className="table__number">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <tr key={category.long}>
                  <th scope="row">{category.long}</th>
                  {[...series, ...extraColumns].map((column) => (
                    <td key={column.label} className="table__number">
                      {column.format(column.values[index] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}

/** The twelve months of a chart ("2026-03"), named in the reader's language. */
export function useMonthCategories(months: readonly string[]): ChartCategory[] {
  const intl = useIntl();
  return months.map((month) => {
    const date = `${month}-15T12:00:00Z`;
    return {
      long: intl.formatDate(date, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      short: intl.formatDate(date, { month: 'short', timeZone: 'UTC' }),
      narrow: intl.formatDate(date, { month: 'narrow', timeZone: 'UTC' }),
    };
  });
}
