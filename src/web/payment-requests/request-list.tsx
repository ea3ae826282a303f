/**
 * One side of an account's payment requests — those it is asked to pay, or those it asked for —
 * filtered by state, newest first, a page at a time. An open request offers what that side may do:
 * the payer accepts or declines it, the requester withdraws it.
 */
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { Money } from '../currency/money.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { CalendarDate, DateTime } from '../platform/i18n/iso-date.tsx';
import { PagedItems } from './paged-items.tsx';
import {
  type Direction,
  type PaymentRequest,
  type RequestStatus,
  useRequests,
} from './payment-requests-api.ts';
import { AcceptRequestDialog, DeclineRequestDialog, WithdrawRequestDialog } from './request-dialogs.tsx';
import { StatusBadge } from './status-badge.tsx';

const ALL = 'all';
const STATUSES: readonly RequestStatus[] = ['open', 'paid', 'declined', 'withdrawn'];

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly direction: Direction;
  readonly unit: CurrencyUnit;
  readonly mayAct: boolean;
}

export function RequestList({ slug, accountId, direction, unit, mayAct }: Props) {
  const intl = useIntl();
  const [status, setStatus] = useState<RequestStatus | typeof ALL>('open');
  const requests = useRequests(slug, accountId, {
    direction,
    status: status === ALL ? undefined : status,
  });

  return (
    <div className="stack">
      <div className="filters requests__filters">
        <SelectField
          label={<FormattedMessage id="requests.filter.status" />}
          options={[
            { id: ALL, label: intl.formatMessage({ id: 'requests.filter.all' }) },
            ...STATUSES.map((id) => ({ id, label: intl.formatMessage({ id: `requests.status.${id}` }) })),
          ]}
          value={status}
          onChange={(key) => setStatus(String(key) as RequestStatus | typeof ALL)}
        />
      </div>
      <PagedItems
        query={requests}
        empty={
          <FormattedMessage
            id={direction === 'incoming' ? 'requests.none.incoming' : 'requests.none.outgoing'}
          />
        }
      >
        {(request) => (
          <RequestItem key={request.id} slug={slug} request={request} unit={unit} mayAct={mayAct} />
        )}
      </PagedItems>
    </div>
  );
}

function RequestItem({
  slug,
  request,
  unit,
  mayAct,
}: {
  slug: string;
  request: PaymentRequest;
  unit: CurrencyUnit;
  mayAct: boolean;
}) {
  const isIncoming = request.direction === 'incoming';
  const isOpen = request.status === 'open';
  return (
    <li>
      <div className="item-list__main">
        <p className="item-list__title">
          <FormattedMessage
            id={isIncoming ? 'requests.item.from' : 'requests.item.to'}
            values={{ name: isIncoming ? request.payeeName : request.payerName }}
          />
        </p>
        <p className="request__description">{request.description}</p>
        <p className="item-list__meta">
          <FormattedMessage
            id="requests.item.asked"
            values={{ date: <DateTime value={request.createdAt} /> }}
          />
          {request.dueOn && (
            <>
              {' · '}
              <FormattedMessage
                id="requests.item.due"
                values={{ date: <CalendarDate value={request.dueOn} /> }}
              />
            </>
          )}
        </p>
      </div>
      <div className="request__side">
        <p className="request__amount">
          <Money minor={request.amountMinor} unit={unit} />
        </p>
        <StatusBadge status={request.status} />
        {isOpen && mayAct && (
          <div className="button-row">
            {isIncoming ? (
              <>
                <AcceptRequestDialog slug={slug} request={request} unit={unit} />
                <DeclineRequestDialog slug={slug} request={request} unit={unit} />
              </>
            ) : (
              <WithdrawRequestDialog slug={slug} request={request} unit={unit} />
            )}
          </div>
        )}
      </div>
      {isOpen && request.autoPaymentRefusalMessage && (
        <div className="alert alert--warning request__notice">
          <p>
            <FormattedMessage
              id="requests.item.autoPaymentFailed"
              values={{ reason: request.autoPaymentRefusalMessage }}
            />
          </p>
        </div>
      )}
      {request.status === 'declined' && request.declineReason && (
        <p className="item-list__meta request__notice">
          <FormattedMessage id="requests.item.declineReason" values={{ reason: request.declineReason }} />
        </p>
      )}
    </li>
  );
}
