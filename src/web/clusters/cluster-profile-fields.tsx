/**
 * The fields of a cluster's profile, shared by "create a cluster" and the settings page: name and
 * address, place, languages, kind, who may see it, and a description.
 */
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Catalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { CheckboxGroupField } from '../platform/forms/checkbox-group-field.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { ClusterProfileInput } from './cluster-api.ts';
import { slugFromName } from './slug-from-name.ts';

export const CLUSTER_FIELD_NAMES = [
  'slug',
  'name',
  'country',
  'region',
  'languages',
  'defaultLocale',
  'clusterType',
  'description',
  'visibility',
] as const;

interface Props {
  readonly catalogue: Catalogue;
  readonly initial?: ClusterProfileInput & { slug: string };
  /** On the settings page the address already exists; changing it breaks old links. */
  readonly isExisting?: boolean;
}

export function ClusterProfileFields({ catalogue, initial, isExisting = false }: Props) {
  const intl = useIntl();
  const labels = useLabels();
  const [name, setName] = useState(initial?.name ?? '');
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [isSlugEdited, setSlugEdited] = useState(isExisting);
  const [languages, setLanguages] = useState<string[]>([...(initial?.languages ?? [intl.locale])]);
  const [defaultLocale, setDefaultLocale] = useState<string>(initial?.defaultLocale ?? intl.locale);

  const languageOptions = labels.options('language', catalogue.locales);
  return (
    <>
      <div className="form-grid form-grid--two">
        <TextField
          name="name"
          isRequired
          maxLength={120}
          value={name}
          onChange={(value) => {
            setName(value);
            if (!isSlugEdited) setSlug(slugFromName(value));
          }}
          label={<FormattedMessage id="clusterForm.name" />}
        />
        <TextField
          name="slug"
          isRequired
          maxLength={48}
          value={slug}
          onChange={(value) => {
            setSlug(value);
            setSlugEdited(true);
          }}
          label={<FormattedMessage id="clusterForm.slug" />}
          description={
            isExisting ? (
              <FormattedMessage id="clusterForm.slug.changeWarning" />
            ) : (
              <FormattedMessage id="clusterForm.slug.help" values={{ address: `/clusters/${slug || '…'}` }} />
            )
          }
        />
      </div>
      <div className="form-grid form-grid--two">
        <SelectField
          name="country"
          isRequired
          label={<FormattedMessage id="clusterForm.country" />}
          options={labels.sortedOptions('country', catalogue.countries)}
          defaultValue={initial?.country ?? null}
          placeholder={intl.formatMessage({ id: 'form.choose' })}
        />
        <TextField
          name="region"
          maxLength={120}
          isOptional
          defaultValue={initial?.region ?? ''}
          label={<FormattedMessage id="clusterForm.region" />}
        />
      </div>
      <div className="form-grid form-grid--two">
        <CheckboxGroupField
          name="languages"
          isRequired
          value={languages}
          onChange={(value) => {
            setLanguages(value);
            if (value.length > 0 && !value.includes(defaultLocale))
              setDefaultLocale(value[0] ?? defaultLocale);
          }}
          label={<FormattedMessage id="clusterForm.languages" />}
          description={<FormattedMessage id="clusterForm.languages.help" />}
          options={languageOptions}
        />
        <SelectField
          name="defaultLocale"
          isRequired
          value={defaultLocale}
          onChange={(key) => setDefaultLocale(String(key))}
          label={<FormattedMessage id="clusterForm.defaultLocale" />}
          description={<FormattedMessage id="clusterForm.defaultLocale.help" />}
          options={languageOptions.filter((option) => languages.includes(option.id))}
        />
      </div>
      <RadioGroupField
        name="clusterType"
        isRequired
        defaultValue={initial?.clusterType ?? 'spatial'}
        label={<FormattedMessage id="clusterForm.clusterType" />}
        options={catalogue.clusterTypes.map((code) => ({
          id: code,
          label: labels.clusterType(code),
          description: labels.clusterTypeHelp(code),
        }))}
      />
      <RadioGroupField
        name="visibility"
        isRequired
        defaultValue={initial?.visibility ?? 'public'}
        label={<FormattedMessage id="clusterForm.visibility" />}
        options={catalogue.visibilities.map((code) => ({
          id: code,
          label: labels.visibility(code),
          description: labels.visibilityHelp(code),
        }))}
      />
      <TextField
        name="description"
        isMultiline
        rows={6}
        maxLength={5000}
        isOptional
        defaultValue={initial?.description ?? ''}
        label={<FormattedMessage id="clusterForm.description" />}
        description={<FormattedMessage id="clusterForm.description.help" />}
      />
    </>
  );
}
