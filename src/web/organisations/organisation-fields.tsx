/** The fields describing an organisation, shared by registration and editing. */
import { FormattedMessage, useIntl } from 'react-intl';
import type { Catalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { NumberField } from '../platform/forms/number-field.tsx';
import type { FormValues } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { OrganisationInput } from './organisation-api.ts';

export const ORGANISATION_FIELD_NAMES = [
  'name',
  'legalForm',
  'sector',
  'country',
  'website',
  'description',
  'voteWeight',
] as const;

export function readOrganisation(form: FormValues): OrganisationInput {
  const weight = Number.parseInt(form.text('voteWeight'), 10);
  return {
    name: form.text('name').trim(),
    legalForm: form.text('legalForm'),
    sector: form.text('sector'),
    country: form.text('country'),
    website: form.text('website').trim(),
    description: form.text('description').trim(),
    voteWeight: Number.isFinite(weight) ? weight : 1,
  };
}

interface Props {
  readonly catalogue: Catalogue;
  readonly initial?: OrganisationInput;
  readonly defaultCountry?: string;
}

export function OrganisationFields({ catalogue, initial, defaultCountry }: Props) {
  const intl = useIntl();
  const labels = useLabels();
  const choose = intl.formatMessage({ id: 'form.choose' });
  return (
    <>
      <TextField
        name="name"
        isRequired
        maxLength={160}
        defaultValue={initial?.name ?? ''}
        label={<FormattedMessage id="organisationForm.name" />}
      />
      <div className="form-grid form-grid--two">
        <SelectField
          name="legalForm"
          isRequired
          label={<FormattedMessage id="organisationForm.legalForm" />}
          options={labels.sortedOptions('legalForm', catalogue.legalForms)}
          defaultValue={initial?.legalForm ?? null}
          placeholder={choose}
        />
        <SelectField
          name="sector"
          isRequired
          label={<FormattedMessage id="organisationForm.sector" />}
          description={<FormattedMessage id="organisationForm.sector.help" />}
          options={labels.options('sector', catalogue.sectors)}
          defaultValue={initial?.sector ?? null}
          placeholder={choose}
        />
      </div>
      <div className="form-grid form-grid--two">
        <SelectField
          name="country"
          isRequired
          label={<FormattedMessage id="organisationForm.country" />}
          options={labels.sortedOptions('country', catalogue.countries)}
          defaultValue={initial?.country ?? defaultCountry ?? null}
          placeholder={choose}
        />
        <TextField
          name="website"
          type="url"
          maxLength={300}
          isOptional
          defaultValue={initial?.website ?? ''}
          placeholder="https://"
          label={<FormattedMessage id="organisationForm.website" />}
        />
      </div>
      <NumberField
        name="voteWeight"
        minValue={0}
        maxValue={1000}
        step={1}
        defaultValue={initial?.voteWeight ?? 1}
        label={<FormattedMessage id="organisationForm.voteWeight" />}
        description={<FormattedMessage id="organisationForm.voteWeight.help" />}
      />
      <TextField
        name="description"
        isMultiline
        maxLength={5000}
        isOptional
        defaultValue={initial?.description ?? ''}
        label={<FormattedMessage id="organisationForm.description" />}
      />
    </>
  );
}
