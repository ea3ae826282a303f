/**
 * The fields of an offer or a want: what it is, in which category, its price in the cluster's
 * currency and/or in euros (with the share accepted in the currency), and where. Used to publish
 * a listing and to edit it; amounts are read as typed in the reader's language, never as floats.
 */
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { type CurrencyUnit, parseAmount } from '../currency/amount.ts';
import { AmountField } from '../currency/amount-field.tsx';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { useMarketplaceLabels } from './listing-labels.ts';
import type { Listing, ListingInput, ListingKind } from './marketplace-api.ts';

const EURO: CurrencyUnit = { code: 'EUR', symbol: '€', decimals: 2 };
const FIELDS = [
  'kind',
  'title',
  'description',
  'category',
  'priceMinor',
  'priceEuroCents',
  'currencySharePercent',
  'location',
] as const;

interface Props {
  readonly unit: CurrencyUnit;
  readonly categories: readonly string[];
  /** The listing being edited; none when publishing a new one (which then also asks its kind). */
  readonly listing?: Listing;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly submitLabel: React.ReactNode;
  readonly onSubmit: (input: ListingInput & { kind: ListingKind }) => void;
  /** Shown before the fields (the account to publish for, when there is a choice). */
  readonly children?: React.ReactNode;
}

export function ListingForm({
  unit,
  categories,
  listing,
  isPending,
  error,
  submitLabel,
  onSubmit,
  children,
}: Props) {
  const intl = useIntl();
  const labels = useMarketplaceLabels();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ListingKind>(listing?.kind ?? 'offer');
  const [category, setCategory] = useState<string | null>(listing?.category ?? null);
  const [share, setShare] = useState(listing?.currencySharePercent ?? 100);
  const { fieldErrors, formError } = placeApiError(error, FIELDS);
  useFocusFirstInvalid(formRef, error);

  const amount = (text: string, decimals: number) => {
    const parsed = parseAmount(text, decimals, intl.locale);
    return parsed.ok ? parsed.minor : null;
  };

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!category) return;
        onSubmit({
          kind,
          title: form.text('title').trim(),
          description: form.text('description').trim(),
          category,
          priceMinor: amount(form.text('priceMinor'), unit.decimals),
          priceEuroCents: amount(form.text('priceEuroCents'), EURO.decimals),
          currencySharePercent: share,
          location: form.text('location').trim(),
        });
      }}
    >
      <ErrorAlert error={formError} />
      {children}
      {!listing && (
        <RadioGroupField
          name="kind"
          label={<FormattedMessage id="marketplace.form.kind" />}
          value={kind}
          onChange={(value) => setKind(value as ListingKind)}
          isRequired
          options={[
            {
              id: 'offer',
              label: intl.formatMessage({ id: 'marketplace.kind.offer' }),
              description: intl.formatMessage({ id: 'marketplace.form.kind.offer' }),
            },
            {
              id: 'want',
              label: intl.formatMessage({ id: 'marketplace.kind.want' }),
              description: intl.formatMessage({ id: 'marketplace.form.kind.want' }),
            },
          ]}
        />
      )}
      <TextField
        name="title"
        isRequired
        maxLength={120}
        defaultValue={listing?.title}
        label={<FormattedMessage id="marketplace.form.title" />}
        description={<FormattedMessage id="marketplace.form.title.help" />}
      />
      <SelectField
        name="category"
        isRequired
        label={<FormattedMessage id="marketplace.form.category" />}
        options={labels.categoryOptions(categories)}
        value={category}
        onChange={(key) => setCategory(key === null ? null : String(key))}
      />
      <TextField
        name="description"
        isMultiline
        rows={6}
        maxLength={5000}
        isOptional
        defaultValue={listing?.description}
        label={<FormattedMessage id="marketplace.form.description" />}
        description={<FormattedMessage id="marketplace.form.description.help" />}
      />
      <fieldset className="marketplace-fieldset">
        <legend>
          <FormattedMessage id="marketplace.form.price" />
        </legend>
        <p className="field__description">
          <FormattedMessage id="marketplace.form.price.help" values={{ code: unit.code }} />
        </p>
        <AmountField
          name="priceMinor"
          unit={unit}
          isOptional
          defaultMinor={listing?.priceMinor}
          label={<FormattedMessage id="marketplace.form.priceMinor" values={{ code: unit.code }} />}
        />
        <AmountField
          name="priceEuroCents"
          unit={EURO}
          isOptional
          defaultMinor={listing?.priceEuroCents}
          label={<FormattedMessage id="marketplace.form.priceEuro" />}
        />
        <NumberField
          name="currencySharePercent"
          minValue={0}
          maxValue={100}
          step={1}
          value={share}
          onChange={(value) => setShare(Number.isFinite(value) ? value : 0)}
          label={<FormattedMessage id="marketplace.form.share" values={{ code: unit.code }} />}
          description={<FormattedMessage id="marketplace.form.share.help" values={{ code: unit.code }} />}
        />
      </fieldset>
      <TextField
        name="location"
        maxLength={160}
        isOptional
        defaultValue={listing?.location}
        label={<FormattedMessage id="marketplace.form.location" />}
        description={<FormattedMessage id="marketplace.form.location.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={isPending}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
