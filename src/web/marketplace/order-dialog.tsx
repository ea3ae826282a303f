/**
 * Ordering from an offer: how many, a note for the seller, the total, and what the buyer's account
 * may still spend afterwards. The total is held (not yet paid) until the seller confirms delivery.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { currencyKeys, useWallet } from '../currency/currency-api.ts';
import { Money } from '../currency/money.tsx';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { AccountChoice, useAccountChoice } from './account-choice.tsx';
import {
  type Listing,
  marketplaceApi,
  marketplaceKeys,
  type Order,
  type TradingAccount,
} from './marketplace-api.ts';

const MAX_QUANTITY = 10_000;
const NOTE_MAX_LENGTH = 1000;

interface Props {
  readonly slug: string;
  readonly listing: Listing & { readonly priceMinor: number };
  /** The currency: its unit, and the fee an order pays on delivery (held with the total). */
  readonly unit: CurrencyUnit & { readonly feeBasisPoints: number };
  readonly accounts: readonly TradingAccount[];
  readonly onOrdered: (order: Order) => void;
}

export function OrderDialog(props: Props) {
  const intl = useIntl();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'marketplace.order.title' }, { title: props.listing.title })}
      trigger={
        <Button className="button">
          <FormattedMessage id="marketplace.order.open" />
        </Button>
      }
    >
      {(close) => <OrderForm {...props} onClose={close} />}
    </ModalDialog>
  );
}

function OrderForm({ slug, listing, unit, accounts, onOrdered, onClose }: Props & { onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { chosen, choose } = useAccountChoice(accounts);
  const wallet = useWallet(slug, chosen?.accountId ?? '');
  const [quantity, setQuantity] = useState(1);
  const { keyFor, renew } = useIdempotencyKey();
  const total = Number.isInteger(quantity) && quantity > 0 ? listing.priceMinor * quantity : null;
  // The server's rule: the fee is rounded down, so the buyer is never overcharged.
  const fee = total !== null ? Math.floor((total * unit.feeBasisPoints) / 10_000) : null;
  const availableAfter =
    wallet.data && total !== null ? wallet.data.availableMinor - total - (fee ?? 0) : null;

  const order = useMutation({
    mutationFn: (body: { buyerAccountId: string; quantity: number; note: string }) =>
      marketplaceApi.order(slug, listing.id, body, keyFor(body)),
    onSuccess: async (placed) => {
      renew();
      await queryClient.invalidateQueries({ queryKey: currencyKeys.all(slug) });
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      onClose();
      announce(intl.formatMessage({ id: 'marketplace.order.done' }, { title: listing.title }));
      onOrdered(placed);
    },
  });
  const { fieldErrors, formError } = placeApiError(order.error, ['quantity', 'note']);
  useFocusFirstInvalid(formRef, order.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!chosen || total === null) return;
        order.mutate({ buyerAccountId: chosen.accountId, quantity, note: form.text('note').trim() });
      }}
    >
      <p>
        <FormattedMessage id="marketplace.order.explain" />
      </p>
      <ErrorAlert error={formError} />
      <AccountChoice
        accounts={accounts}
        chosen={chosen}
        onChoose={choose}
        label={<FormattedMessage id="marketplace.order.buyer" />}
      />
      <NumberField
        name="quantity"
        label={<FormattedMessage id="marketplace.order.quantity" />}
        minValue={1}
        maxValue={MAX_QUANTITY}
        step={1}
        isRequired
        value={quantity}
        onChange={setQuantity}
        autoFocus
      />
      <dl className="facts order-sums" aria-live="polite">
        <div>
          <dt>
            <FormattedMessage id="marketplace.order.unitPrice" />
          </dt>
          <dd>
            <Money minor={listing.priceMinor} unit={unit} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="marketplace.order.total" />
          </dt>
          <dd>{total !== null ? <Money minor={total} unit={unit} /> : '—'}</dd>
        </div>
        {unit.feeBasisPoints > 0 && (
          <div>
            <dt>
              <FormattedMessage
                id="marketplace.order.fee"
                values={{
                  percent: intl.formatNumber(unit.feeBasisPoints / 10_000, {
                    style: 'percent',
                    maximumFractionDigits: 2,
                  }),
                }}
              />
            </dt>
            <dd>{fee !== null ? <Money minor={fee} unit={unit} /> : '—'}</dd>
          </div>
        )}
        <div>
          <dt>
            <FormattedMessage id="marketplace.order.availableAfter" />
          </dt>
          <dd>{availableAfter !== null ? <Money minor={availableAfter} unit={unit} /> : '—'}</dd>
        </div>
      </dl>
      {availableAfter !== null && availableAfter < 0 && (
        <div className="alert alert--warning">
          <p>
            <FormattedMessage id="marketplace.order.overLimit" />
          </p>
        </div>
      )}
      <TextField
        name="note"
        isMultiline
        rows={3}
        maxLength={NOTE_MAX_LENGTH}
        isOptional
        label={<FormattedMessage id="marketplace.order.note" />}
        description={<FormattedMessage id="marketplace.order.note.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={order.isPending}>
          <FormattedMessage id="marketplace.order.submit" />
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
