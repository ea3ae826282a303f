/**
 * The currency's settings, for setting it up and for changing it later: name, code and symbol,
 * decimals, the informational euro value, the fee, the rebalancing rule, the credit limit and
 * maximum balance of each kind of member, the growing credit line and how clearing is confirmed.
 * Code and decimals cannot change once accounts hold amounts in them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { Checkbox, Form, Switch } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { formatBasisPoints, parseAmount } from './amount.ts';
import { AmountField, readAmount } from './amount-field.tsx';
import { type CurrencyOverview, type CurrencySettings, currencyApi, currencyKeys } from './currency-api.ts';

const DECIMAL_CHOICES = [0, 1, 2, 3, 4];
/** The server's limits: a fee of at most 20 %, a growth rate of at most 100 %. */
const MAX_FEE_BASIS_POINTS = 2000;
const MAX_GROWTH_BASIS_POINTS = 10_000;
const EURO_VALUE = /^(?!0+(\.0+)?$)\d{1,6}(\.\d{1,6})?$/;

const FIELD_NAMES = [
  'name',
  'code',
  'symbol',
  'decimals',
  'euroValue',
  'feeBasisPoints',
  'rebalanceAfterMonths',
  'limitGrowth.basisPoints',
  'limitGrowth.capMinor',
  ...[0, 1, 2, 3].flatMap((i) => [`accountTypes.${i}.creditLimitMinor`, `accountTypes.${i}.maxBalanceMinor`]),
];

interface Props {
  readonly slug: string;
  readonly sectors: readonly string[];
  /** The saved settings when the currency exists; absent when it is being set up. */
  readonly initial?: CurrencySettings;
  readonly onSaved?: (overview: CurrencyOverview) => void;
}

export function CurrencySettingsForm({ slug, sectors, initial, onSaved }: Props) {
  const intl = useIntl();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const isExisting = initial !== undefined;
  const [decimals, setDecimals] = useState(initial?.decimals ?? 2);
  const [code, setCode] = useState(initial?.code ?? '');
  const [hasGrowth, setHasGrowth] = useState(initial?.limitGrowth != null);
  const save = useMutation({
    mutationFn: (settings: CurrencySettings) => currencyApi.saveSettings(slug, settings),
    onSuccess: async (overview) => {
      queryClient.setQueryData(currencyKeys.overview(slug), overview);
      await queryClient.invalidateQueries({ queryKey: currencyKeys.all(slug) });
      announce(
        intl.formatMessage(
          { id: isExisting ? 'common.saved' : 'currency.setUp.done' },
          { name: overview.currency?.name ?? '' },
        ),
      );
      onSaved?.(overview);
    },
  });
  const { fieldErrors, formError } = placeApiError(save.error, FIELD_NAMES);
  useFocusFirstInvalid(formRef, save.error);
  const unit = { code: code || '—', symbol: code, decimals };
  const percent = (basisPoints: number) =>
    intl.formatNumber(basisPoints / 100, { maximumFractionDigits: 2, useGrouping: false });
  /** A percentage has at most two decimals and stays within the server's bound. */
  const percentProblem = (text: string, maxBasisPoints: number, allowZero: boolean) => {
    if (text.trim() === '') return null;
    const parsed = parseAmount(text, 2, intl.locale, { allowZero });
    return parsed.ok && parsed.minor <= maxBasisPoints
      ? null
      : intl.formatMessage(
          { id: 'currency.settings.percent.invalid' },
          { max: formatBasisPoints(maxBasisPoints, intl.locale) },
        );
  };

  const submit = (form: ReturnType<typeof readForm>) => {
    const amount = (name: string) => readAmount(form.text(name), unit, intl.locale);
    const basisPoints = (name: string) => {
      const parsed = parseAmount(form.text(name), 2, intl.locale, { allowZero: true });
      return parsed.ok ? parsed.minor : 0;
    };
    save.mutate({
      name: form.text('name').trim(),
      code: initial?.code ?? form.text('code').trim().toUpperCase(),
      symbol: form.text('symbol').trim(),
      decimals,
      euroValue: form.text('euroValue').trim().replace(',', '.'),
      feeBasisPoints: basisPoints('feeBasisPoints'),
      rebalanceAfterMonths: Number(form.text('rebalanceAfterMonths')),
      limitGrowth: hasGrowth
        ? {
            basisPoints: basisPoints('limitGrowth.basisPoints'),
            capMinor: amount('limitGrowth.capMinor') ?? 0,
          }
        : null,
      clearingNeedsConfirmation: form.text('clearingNeedsConfirmation') === 'on',
      accountTypes: sectors.map((sector, i) => ({
        accountType: sector,
        creditLimitMinor: amount(`accountTypes.${i}.creditLimitMinor`) ?? 0,
        maxBalanceMinor: amount(`accountTypes.${i}.maxBalanceMinor`),
      })),
    });
  };

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => submit(readForm(event))}
    >
      <ErrorAlert error={formError} />
      {isExisting && save.isSuccess && (
        <SuccessAlert>
          <p>
            <FormattedMessage id="common.saved" />
          </p>
        </SuccessAlert>
      )}
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="currency.settings.identity" />
        </legend>
        <TextField
          name="name"
          isRequired
          maxLength={60}
          defaultValue={initial?.name}
          label={<FormattedMessage id="currency.settings.name" />}
          description={<FormattedMessage id="currency.settings.name.help" />}
        />
        <div className="form-grid form-grid--two">
          <TextField
            name="code"
            isRequired
            isDisabled={isExisting}
            value={code}
            onChange={(value) => setCode(value.toUpperCase())}
            minLength={2}
            maxLength={6}
            pattern="[A-Z]{2,6}"
            autoComplete="off"
            label={<FormattedMessage id="currency.settings.code" />}
            description={<FormattedMessage id="currency.settings.code.help" />}
          />
          <TextField
            name="symbol"
            isRequired
            maxLength={6}
            defaultValue={initial?.symbol}
            autoComplete="off"
            label={<FormattedMessage id="currency.settings.symbol" />}
            description={<FormattedMessage id="currency.settings.symbol.help" />}
          />
          <SelectField
            name="decimals"
            isDisabled={isExisting}
            label={<FormattedMessage id="currency.settings.decimals" />}
            description={<FormattedMessage id="currency.settings.decimals.help" />}
            options={DECIMAL_CHOICES.map((n) => ({ id: String(n), label: String(n) }))}
            value={String(decimals)}
            onChange={(key) => setDecimals(Number(key))}
          />
          <TextField
            name="euroValue"
            isRequired
            maxLength={13}
            inputMode="decimal"
            defaultValue={initial ? withoutTrailingZeros(initial.euroValue) : '1'}
            validate={(value) =>
              value.trim() === '' || EURO_VALUE.test(value.trim().replace(',', '.'))
                ? null
                : intl.formatMessage({ id: 'currency.settings.euroValue.invalid' })
            }
            label={<FormattedMessage id="currency.settings.euroValue" />}
            description={<FormattedMessage id="currency.settings.euroValue.help" />}
          />
        </div>
        {isExisting && (
          <p className="muted small">
            <FormattedMessage id="currency.settings.fixedAfterSetUp" />
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="currency.settings.rules" />
        </legend>
        <div className="form-grid form-grid--two">
          <TextField
            name="feeBasisPoints"
            inputMode="decimal"
            maxLength={6}
            defaultValue={percent(initial?.feeBasisPoints ?? 0)}
            validate={(value) => percentProblem(value, MAX_FEE_BASIS_POINTS, true)}
            label={<FormattedMessage id="currency.settings.fee" />}
            description={<FormattedMessage id="currency.settings.fee.help" />}
          />
          <NumberField
            name="rebalanceAfterMonths"
            isRequired
            minValue={1}
            maxValue={120}
            step={1}
            defaultValue={initial?.rebalanceAfterMonths ?? 12}
            label={<FormattedMessage id="currency.settings.rebalance" />}
            description={<FormattedMessage id="currency.settings.rebalance.help" />}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="currency.settings.limits" />
        </legend>
        <p className="field__description">
          <FormattedMessage id="currency.settings.limits.help" />
        </p>
        {sectors.map((sector, i) => {
          const saved = initial?.accountTypes.find((type) => type.accountType === sector);
          return (
            <fieldset key={sector} className="fieldset fieldset--inner">
              <legend>{labels.sector(sector)}</legend>
              <div className="form-grid form-grid--two">
                <AmountField
                  name={`accountTypes.${i}.creditLimitMinor`}
                  unit={unit}
                  allowZero
                  isRequired
                  defaultMinor={saved?.creditLimitMinor ?? 0}
                  label={<FormattedMessage id="currency.settings.creditLimit" />}
                />
                <AmountField
                  name={`accountTypes.${i}.maxBalanceMinor`}
                  unit={unit}
                  isOptional
                  defaultMinor={saved?.maxBalanceMinor ?? null}
                  label={<FormattedMessage id="currency.settings.maxBalance" />}
                  description={<FormattedMessage id="currency.settings.maxBalance.help" />}
                />
              </div>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="currency.settings.growth" />
        </legend>
        <Checkbox className="checkbox" isSelected={hasGrowth} onChange={setHasGrowth}>
          {({ isSelected }) => (
            <>
              <span className="checkbox__box">{isSelected && <CheckMark />}</span>
              <FormattedMessage id="currency.settings.growth.enable" />
            </>
          )}
        </Checkbox>
        {hasGrowth && (
          <div className="form-grid form-grid--two">
            <TextField
              name="limitGrowth.basisPoints"
              isRequired
              inputMode="decimal"
              maxLength={6}
              defaultValue={percent(initial?.limitGrowth?.basisPoints ?? 1000)}
              validate={(value) => percentProblem(value, MAX_GROWTH_BASIS_POINTS, false)}
              label={<FormattedMessage id="currency.settings.growth.rate" />}
              description={<FormattedMessage id="currency.settings.growth.rate.help" />}
            />
            <AmountField
              name="limitGrowth.capMinor"
              unit={unit}
              allowZero
              isRequired
              defaultMinor={initial?.limitGrowth?.capMinor ?? null}
              label={<FormattedMessage id="currency.settings.growth.cap" />}
            />
          </div>
        )}
      </fieldset>

      <SwitchField
        name="clearingNeedsConfirmation"
        defaultSelected={initial?.clearingNeedsConfirmation ?? true}
        label={<FormattedMessage id="currency.settings.clearingConfirmation" />}
        description={<FormattedMessage id="currency.settings.clearingConfirmation.help" />}
      />

      <div className="form-actions">
        <SubmitButton isPending={save.isPending}>
          {isExisting ? (
            <FormattedMessage id="common.save" />
          ) : (
            <FormattedMessage id="currency.setUp.submit" />
          )}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** The server keeps six decimals ("1.000000"); people wrote "1". */
function withoutTrailingZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

function SwitchField({
  name,
  label,
  description,
  defaultSelected,
}: {
  name: string;
  label: ReactNode;
  description: ReactNode;
  defaultSelected: boolean;
}) {
  return (
    <div className="field">
      <Switch
        name={name}
        className="switch"
        defaultSelected={defaultSelected}
        aria-describedby={`${name}-help`}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span>{label}</span>
      </Switch>
      <p id={`${name}-help`} className="field__description">
        {description}
      </p>
    </div>
  );
}
