/**
 * The orders of the organisation the reader represents: as buyer (waiting for delivery, or to
 * cancel) and as seller (to confirm delivery, which pays the held amount, or to cancel).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Link, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { currencyKeys } from '../currency/currency-api.ts';
import { Money } from '../currency/money.tsx';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ConfirmActions } from '../platform/layout/confirm-actions.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { paths } from '../platform/routing/paths.ts';
import { AccountChoice, useAccountChoice } from './account-choice.tsx';
import { useMarketplaceLabels } from './listing-labels.ts';
import {
  marketplaceApi,
  marketplaceKeys,
  type Order,
  type OrderSide,
  type OrderStatus,
  type TradingAccount,
  useOrders,
} from './marketplace-api.ts';
import { PagedResults } from './paged-results.tsx';
import { OrderStatusBadge } from './status-badges.tsx';
import { TraderPage } from './trader-gate.tsx';
import './marketplace.css';

const ALL = 'all';
const STATUSES: readonly OrderStatus[] = ['pending', 'delivered', 'cancelled'];

export function OrdersPage({ slug }: { slug: string }) {
  return (
    <TraderPage
      slug={slug}
      titleId="marketplace.orders.title"
      leadId="marketplace.orders.lead"
      current="orders"
    >
      {(overview) => <Orders slug={slug} accounts={overview.myAccounts} unit={overview.currency} />}
    </TraderPage>
  );
}

function Orders({
  slug,
  accounts,
  unit,
}: {
  slug: string;
  accounts: readonly TradingAccount[];
  unit: CurrencyUnit;
}) {
  const intl = useIntl();
  const labels = useMarketplaceLabels();
  const { chosen, choose } = useAccountChoice(accounts);
  const [side, setSide] = useState<OrderSide>('buyer');
  const [status, setStatus] = useState<string>(ALL);
  return (
    <>
      <div className="filters list-filters">
        <AccountChoice accounts={accounts} chosen={chosen} onChoose={choose} />
        <SelectField
          label={<FormattedMessage id="marketplace.orders.status" />}
          options={[
            { id: ALL, label: intl.formatMessage({ id: 'marketplace.filter.all' }) },
            ...STATUSES.map((code) => ({ id: code, label: labels.orderStatus(code) })),
          ]}
          value={status}
          onChange={(key) => setStatus(String(key))}
        />
      </div>
      <Tabs selectedKey={side} onSelectionChange={(key) => setSide(key as OrderSide)}>
        <TabList
          aria-label={intl.formatMessage({ id: 'marketplace.orders.sides' })}
          className="language-tabs"
        >
          <Tab id="buyer" className="language-tab">
            <FormattedMessage id="marketplace.orders.asBuyer" />
          </Tab>
          <Tab id="seller" className="language-tab">
            <FormattedMessage id="marketplace.orders.asSeller" />
          </Tab>
        </TabList>
        {(['buyer', 'seller'] as const).map((tab) => (
          <TabPanel key={tab} id={tab} className="language-panel">
            {chosen && (
              <OrderList
                slug={slug}
                unit={unit}
                accountId={chosen.accountId}
                side={tab}
                status={status === ALL ? undefined : (status as OrderStatus)}
              />
            )}
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

interface ListProps {
  readonly slug: string;
  readonly unit: CurrencyUnit;
  readonly accountId: string;
  readonly side: OrderSide;
  readonly status?: OrderStatus;
}

function OrderList({ slug, unit, accountId, side, status }: ListProps) {
  const orders = useOrders(slug, { accountId, side, status });
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <PagedResults
      query={orders}
      count={items.length}
      shownId="marketplace.orders.shown"
      shownMoreId="marketplace.orders.shownMore"
      emptyId={side === 'buyer' ? 'marketplace.orders.emptyBuyer' : 'marketplace.orders.emptySeller'}
    >
      <ul className="item-list order-list">
        {items.map((order) => (
          <OrderItem key={order.id} slug={slug} unit={unit} order={order} side={side} />
        ))}
      </ul>
    </PagedResults>
  );
}

function OrderItem({
  slug,
  unit,
  order,
  side,
}: {
  slug: string;
  unit: CurrencyUnit;
  order: Order;
  side: OrderSide;
}) {
  const counterpart = side === 'buyer' ? order.sellerName : order.buyerName;
  return (
    <li>
      <div className="item-list__main">
        <p className="item-list__title">
          <Link href={paths.listing(slug, order.listingId)}>{order.listingTitle}</Link>
        </p>
        <p className="item-list__meta">
          <FormattedMessage
            id={side === 'buyer' ? 'marketplace.orders.from' : 'marketplace.orders.for'}
            values={{ name: counterpart }}
          />{' '}
          ·{' '}
          <FormattedMessage
            id="marketplace.orders.quantityTotal"
            values={{ quantity: order.quantity, amount: <Money minor={order.amountMinor} unit={unit} /> }}
          />{' '}
          · <DateTime value={order.createdAt} />
        </p>
        {order.note && <p className="keep-lines small">{order.note}</p>}
        {order.status === 'pending' && (
          <div className="button-row">
            {side === 'seller' && <OrderAction slug={slug} unit={unit} order={order} action="deliver" />}
            <OrderAction slug={slug} unit={unit} order={order} action="cancel" />
          </div>
        )}
      </div>
      <OrderStatusBadge status={order.status} />
    </li>
  );
}

/** Confirming delivery (pays the held amount) or cancelling (releases it): final, so it asks first. */
function OrderAction({
  slug,
  unit,
  order,
  action,
}: {
  slug: string;
  unit: CurrencyUnit;
  order: Order;
  action: 'deliver' | 'cancel';
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { keyFor } = useIdempotencyKey();
  const isDelivery = action === 'deliver';
  const run = useMutation({
    mutationFn: () =>
      isDelivery
        ? marketplaceApi.confirmDelivery(slug, order.id, keyFor(['delivery', order.id]))
        : marketplaceApi.cancel(slug, order.id, keyFor(['cancellation', order.id])),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: currencyKeys.all(slug) });
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      announce(
        intl.formatMessage(
          { id: isDelivery ? 'marketplace.orders.delivered' : 'marketplace.orders.cancelled' },
          { title: order.listingTitle },
        ),
      );
      // The order's buttons are gone with its new status: keep the keyboard on the page.
      requestAnimationFrame(focusMainHeading);
    },
  });
  const label = intl.formatMessage({
    id: isDelivery ? 'marketplace.orders.confirmDelivery' : 'marketplace.orders.cancel',
  });
  return (
    <ModalDialog
      role="alertdialog"
      title={intl.formatMessage(
        { id: isDelivery ? 'marketplace.orders.deliverTitle' : 'marketplace.orders.cancelTitle' },
        { title: order.listingTitle },
      )}
      trigger={
        <Button className={isDelivery ? 'button button--small' : 'button button--secondary button--small'}>
          {label}
        </Button>
      }
    >
      {() => (
        <>
          <p>
            <FormattedMessage
              id={isDelivery ? 'marketplace.orders.deliverExplain' : 'marketplace.orders.cancelExplain'}
              values={{
                amount: <Money minor={order.amountMinor} unit={unit} />,
                buyer: order.buyerName,
                seller: order.sellerName,
              }}
            />
          </p>
          <ErrorAlert error={run.error} />
          <ConfirmActions isPending={run.isPending} onConfirm={() => run.mutate()}>
            {label}
          </ConfirmActions>
        </>
      )}
    </ModalDialog>
  );
}
