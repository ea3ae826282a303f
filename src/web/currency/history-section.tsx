/**
 * A wallet's history, newest first, each transfer with the balance it left: filtered by direction,
 * words and dates, paged with "load more", and downloadable as CSV with the same filters.
 * Coordinators may reverse a payment from here.
 */
import { type FormEvent, useState } from 'react';
import { Button, type DateValue, Form, Input, Label, SearchField } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { useAccountName } from './account-name.ts';
import type { CurrencyUnit } from './amount.ts';
import { type HistoryEntry, type HistoryFilter, historyCsvUrl, useHistory } from './currency-api.ts';
import { Money } from './money.tsx';
import { ReverseDialog } from './reverse-dialog.tsx';

const KIND_LABELS: Readonly<Record<string, MessageId>> = {
  hold: 'currency.kind.hold',
  post: 'currency.kind.post',
  void: 'currency.kind.void',
  adjustment: 'currency.kind.adjustment',
  reversal: 'currency.kind.reversal',
  fee: 'currency.kind.fee',
};

const ORIGIN_LABELS: Readonly<Record<string, MessageId>> = {
  request: 'currency.origin.request',
  recurring: 'currency.origin.recurring',
  order: 'currency.origin.order',
  exit: 'currency.origin.exit',
};

const REVERSIBLE = new Set(['payment', 'adjustment', 'fee']);
const ALL = 'all';

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly unit: CurrencyUnit;
  readonly mayReverse: boolean;
}

export function HistorySection({ slug, accountId, unit, mayReverse }: Props) {
  const intl = useIntl();
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [direction, setDirection] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState<DateValue | null>(null);
  const [until, setUntil] = useState<DateValue | null>(null);
  const history = useHistory(slug, accountId, filter);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const reversed = new Set(
    items.filter((item) => item.kind === 'reversal').map((item) => item.relatedTransferId),
  );

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({
      direction: direction === 'in' || direction === 'out' ? direction : undefined,
      q: search.trim() || undefined,
      from: from?.toString().slice(0, 10),
      until: until?.toString().slice(0, 10),
    });
  };

  return (
    <section aria-labelledby="history-heading" className="stack">
      <div className="row row--between">
        <h2 id="history-heading">
          <FormattedMessage id="currency.history.title" />
        </h2>
        <a
          className="button button--secondary button--small"
          href={historyCsvUrl(slug, accountId, filter)}
          download
        >
          <FormattedMessage id="currency.history.csv" />
        </a>
      </div>
      <Form
        className="filters"
        role="search"
        aria-label={intl.formatMessage({ id: 'currency.history.filters' })}
        onSubmit={apply}
      >
        <SearchField className="field" value={search} onChange={setSearch}>
          <Label className="field__label">
            <FormattedMessage id="currency.history.search" />
          </Label>
          <Input maxLength={100} />
        </SearchField>
        <SelectField
          label={<FormattedMessage id="currency.history.direction" />}
          options={[
            { id: ALL, label: intl.formatMessage({ id: 'currency.history.direction.all' }) },
            { id: 'in', label: intl.formatMessage({ id: 'currency.history.direction.in' }) },
            { id: 'out', label: intl.formatMessage({ id: 'currency.history.direction.out' }) },
          ]}
          value={direction}
          onChange={(key) => setDirection(String(key))}
        />
        <DateField
          label={<FormattedMessage id="currency.history.from" />}
          value={from}
          onChange={setFrom}
          isOptional
        />
        <DateField
          label={<FormattedMessage id="currency.history.until" />}
          value={until}
          onChange={setUntil}
          isOptional
        />
        <Button type="submit" className="button button--secondary">
          <FormattedMessage id="currency.history.apply" />
        </Button>
      </Form>

      <ErrorAlert error={history.error} />
      {history.isPending ? (
        <Loading />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage
            id={history.hasNextPage ? 'currency.history.shownMore' : 'currency.history.shown'}
            values={{ count: items.length }}
          />
        </p>
      )}
      {items.length > 0 && (
        <ol className="item-list history">
          {items.map((entry) => (
            <HistoryItem
              key={entry.id}
              slug={slug}
              entry={entry}
              unit={unit}
              mayReverse={mayReverse && REVERSIBLE.has(entry.kind) && !reversed.has(entry.id)}
            />
          ))}
        </ol>
      )}
      <LoadMoreButton query={history} />
    </section>
  );
}

function HistoryItem({
  slug,
  entry,
  unit,
  mayReverse,
}: {
  slug: string;
  entry: HistoryEntry;
  unit: CurrencyUnit;
  mayReverse: boolean;
}) {
  const accountName = useAccountName();
  const counterparty = accountName({ kind: entry.counterpartyKind, name: entry.counterpartyName });
  const signed = entry.direction === 'out' ? -entry.amountMinor : entry.amountMinor;
  const kind = KIND_LABELS[entry.kind];
  const origin = entry.origin ? ORIGIN_LABELS[entry.origin] : undefined;
  return (
    <li className="history__entry">
      <div className="item-list__main">
        <p className="item-list__title">
          <FormattedMessage
            id={entry.direction === 'out' ? 'currency.history.to' : 'currency.history.fromParty'}
            values={{ name: counterparty }}
          />
        </p>
        {entry.description && <p className="history__description">{entry.description}</p>}
        <p className="item-list__meta">
          <DateTime value={entry.createdAt} />
          {kind && (
            <>
              {' · '}
              <FormattedMessage id={kind} />
            </>
          )}
          {origin && (
            <>
              {' · '}
              <FormattedMessage id={origin} />
            </>
          )}
        </p>
      </div>
      <div className="history__amounts">
        <p className="history__amount">
          <span className="visually-hidden">
            <FormattedMessage
              id={entry.direction === 'out' ? 'currency.history.paid' : 'currency.history.received'}
            />{' '}
          </span>
          <Money minor={signed} unit={unit} signed />
        </p>
        {entry.balanceAfterMinor !== null && (
          <p className="history__balance">
            <FormattedMessage
              id="currency.history.balanceAfter"
              values={{ amount: <Money minor={entry.balanceAfterMinor} unit={unit} /> }}
            />
          </p>
        )}
        {mayReverse && <ReverseDialog slug={slug} entry={entry} unit={unit} counterparty={counterparty} />}
      </div>
    </li>
  );
}
