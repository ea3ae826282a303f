/**
 * Euro invoices between members: a representative sees their organisations' invoices, a
 * coordinator all of them; filtered by organisation and open only, paged with "load more". From
 * here one records an invoice, a coordinator imports a CSV, the creditor records a payment and
 * either side withdraws an invoice recorded by mistake.
 */
import { useState } from 'react';
import { Button, Checkbox, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type Invoice, type InvoiceFilter, useClearingOverview, useInvoices } from './clearing-api.ts';
import { Euros } from './euros.tsx';
import { ImportInvoicesDialog } from './import-invoices-dialog.tsx';
import { MarkPaidDialog, WithdrawInvoiceDialog } from './invoice-actions.tsx';
import { OrganisationPicker } from './organisation-picker.tsx';
import { RecordInvoiceDialog } from './record-invoice-dialog.tsx';
import { InvoiceStatusBadge } from './status-badges.tsx';

export function InvoicesPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useClearingOverview(slug);
  const [filter, setFilter] = useState<InvoiceFilter>({});
  const [isOpenOnly, setIsOpenOnly] = useState(false);
  const invoices = useInvoices(slug, filter);
  const items = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  const can = overview.data?.can;
  const own = overview.data?.ownOrganisations ?? [];
  const title = intl.formatMessage({ id: 'clearing.invoices.title' });

  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      eyebrow={<Link href={paths.clearing(slug)}>{intl.formatMessage({ id: 'clearing.title' })}</Link>}
      heading={<FormattedMessage id="clearing.invoices.title" />}
      lead={
        <FormattedMessage id={can?.manage ? 'clearing.invoices.leadCoordinator' : 'clearing.invoices.lead'} />
      }
      actions={
        can && (
          <>
            {can.record && <RecordInvoiceDialog slug={slug} own={own} />}
            {can.manage && <ImportInvoicesDialog slug={slug} />}
          </>
        )
      }
    >
      <ErrorAlert error={overview.error} />
      <Form
        className="filters"
        role="search"
        aria-label={intl.formatMessage({ id: 'clearing.invoices.filters' })}
        onSubmit={(event) => {
          const form = readForm(event);
          setFilter({
            organisationId: form.text('organisationId') || undefined,
            openOnly: isOpenOnly || undefined,
          });
        }}
      >
        <OrganisationPicker
          slug={slug}
          name="organisationId"
          own={own}
          label={<FormattedMessage id="clearing.invoices.organisation" />}
        />
        <Checkbox className="checkbox" isSelected={isOpenOnly} onChange={setIsOpenOnly}>
          {({ isSelected }) => (
            <>
              <span className="checkbox__box">{isSelected && <CheckMark />}</span>
              <FormattedMessage id="clearing.invoices.openOnly" />
            </>
          )}
        </Checkbox>
        <Button type="submit" className="button button--secondary">
          <FormattedMessage id="clearing.invoices.apply" />
        </Button>
      </Form>

      <ErrorAlert error={invoices.error} />
      {invoices.isPending ? (
        <Loading />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage
            id={invoices.hasNextPage ? 'clearing.invoices.shownMore' : 'clearing.invoices.shown'}
            values={{ count: items.length }}
          />
        </p>
      )}
      {invoices.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="clearing.invoices.empty" />
        </p>
      ) : (
        <ul className="item-list" aria-label={title}>
          {items.map((invoice) => (
            <InvoiceItem key={invoice.id} slug={slug} invoice={invoice} />
          ))}
        </ul>
      )}
      <LoadMoreButton query={invoices} />
    </Page>
  );
}

function InvoiceItem({ slug, invoice }: { slug: string; invoice: Invoice }) {
  return (
    <li>
      <div className="item-list__main">
        <p className="item-list__title">
          <FormattedMessage
            id="clearing.invoice.owes"
            values={{
              debtor: invoice.debtor.name,
              creditor: invoice.creditor.name,
              amount: <Euros cents={invoice.amountCents} />,
            }}
          />
        </p>
        <p className="item-list__meta">
          {invoice.reference && <>{invoice.reference} · </>}
          <FormattedMessage
            id="clearing.invoice.issued"
            values={{ date: <CalendarDate value={invoice.issuedOn} /> }}
          />
          {invoice.dueOn && (
            <>
              {' · '}
              <FormattedMessage
                id="clearing.invoice.due"
                values={{ date: <CalendarDate value={invoice.dueOn} /> }}
              />
            </>
          )}
        </p>
        {invoice.status !== 'withdrawn' && (
          <p className="item-list__meta">
            <FormattedMessage
              id="clearing.invoice.figures"
              values={{
                outstanding: <Euros cents={invoice.outstandingCents} />,
                paid: <Euros cents={invoice.paidCents} />,
                cleared: <Euros cents={invoice.clearedCents} />,
              }}
            />
            {invoice.isInOpenRound && (
              <>
                {' · '}
                <FormattedMessage id="clearing.invoice.inRound" />
              </>
            )}
          </p>
        )}
      </div>
      <div className="button-row">
        <InvoiceStatusBadge status={invoice.status} />
        {invoice.can.markPaid && <MarkPaidDialog slug={slug} invoice={invoice} />}
        {invoice.can.withdraw && <WithdrawInvoiceDialog slug={slug} invoice={invoice} />}
      </div>
    </li>
  );
}
