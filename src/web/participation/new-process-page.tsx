/**
 * A coordinator opens a participatory process: what it is about (with an easy-read summary and an
 * optional link to its project), the participation level it offers, who may take part, how many
 * proposals each person may support, and its dated phases. A phase runs from the start of its first
 * day to the end of its last day, in the coordinator's time zone.
 */
import {
  type CalendarDate,
  getLocalTimeZone,
  parseAbsoluteToLocal,
  toCalendarDate,
  today,
} from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import {
  type PhaseKind,
  type Process,
  type ProcessInput,
  participationApi,
  participationKeys,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import './participation.css';

const KINDS: readonly PhaseKind[] = ['information', 'proposals', 'deliberation', 'voting', 'implementation'];
const LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
const MAX_PHASES = 10;
const FIELDS = [
  'title',
  'description',
  'easyReadSummary',
  'projectLink',
  'participationLevel',
  'whoMayTakePart',
  'supportsPerPerson',
  'phases',
];

interface PhaseRow {
  readonly key: number;
  readonly kind: PhaseKind;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
}

const startOf = (day: CalendarDate) => day.toDate(getLocalTimeZone()).toISOString();
const dayOf = (iso: string) => toCalendarDate(parseAbsoluteToLocal(iso));

export function NewProcessPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const heading = intl.formatMessage({ id: 'participation.newProcess.title' });
  return (
    <Page
      title={cluster.data ? [heading, cluster.data.name] : null}
      heading={heading}
      lead={<FormattedMessage id="participation.newProcess.lead" />}
      width="medium"
    >
      <ProcessForm slug={slug} />
    </Page>
  );
}

/** The process's fields and phases: to open a process, or (with `process`) to edit it and re-plan its phases. */
export function ProcessForm({ slug, process }: { slug: string; process?: Process }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const labels = useParticipationLabels();
  const formRef = useRef<HTMLFormElement>(null);
  const now = today(getLocalTimeZone());
  const [level, setLevel] = useState<string>(process?.participationLevel ?? 'consult');
  const [who, setWho] = useState<string>(process?.whoMayTakePart ?? 'signed_in');
  const [supports, setSupports] = useState(process?.supportsPerPerson ?? 10);
  const [phases, setPhases] = useState<PhaseRow[]>(
    process
      ? process.phases.map((phase, key) => ({
          key,
          kind: phase.kind,
          from: dayOf(phase.startsAt),
          // A phase ends at the start of the day after its last day.
          to: dayOf(new Date(new Date(phase.endsAt).getTime() - 1).toISOString()),
        }))
      : [
          { key: 0, kind: 'information', from: now, to: now.add({ days: 13 }) },
          { key: 1, kind: 'proposals', from: now.add({ days: 14 }), to: now.add({ days: 44 }) },
        ],
  );
  const open = useMutation({
    mutationFn: (input: ProcessInput) =>
      process
        ? participationApi.editProcess(slug, process.id, input)
        : participationApi.openProcess(slug, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      await router.navigate({ href: paths.process(slug, saved.id) });
      announce(
        intl.formatMessage(
          { id: process ? 'participation.editProcess.done' : 'participation.newProcess.done' },
          { title: saved.title },
        ),
      );
    },
  });
  const { fieldErrors, formError } = placeApiError(open.error, FIELDS);
  useFocusFirstInvalid(formRef, open.error);
  const change = (key: number, patch: Partial<PhaseRow>) =>
    setPhases((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        open.mutate({
          title: form.text('title').trim(),
          easyReadSummary: form.text('easyReadSummary').trim(),
          description: form.text('description'),
          projectLink: form.text('projectLink').trim(),
          participationLevel: level,
          whoMayTakePart: who,
          supportsPerPerson: supports,
          phases: phases.flatMap((row) =>
            row.from && row.to
              ? [{ kind: row.kind, startsAt: startOf(row.from), endsAt: startOf(row.to.add({ days: 1 })) }]
              : [],
          ),
        });
      }}
    >
      <ErrorAlert error={formError} />
      <TextField
        name="title"
        defaultValue={process?.title}
        isRequired
        maxLength={200}
        label={<FormattedMessage id="participation.newProcess.name" />}
      />
      <TextField
        name="easyReadSummary"
        defaultValue={process?.easyReadSummary}
        isMultiline
        rows={2}
        maxLength={2000}
        isOptional
        label={<FormattedMessage id="participation.newProcess.easyRead" />}
        description={<FormattedMessage id="participation.newProcess.easyRead.help" />}
      />
      <TextField
        name="description"
        defaultValue={process?.description}
        isMultiline
        rows={6}
        maxLength={10000}
        isOptional
        label={<FormattedMessage id="participation.newProcess.description" />}
        description={<FormattedMessage id="participation.form.body.help" />}
      />
      <TextField
        name="projectLink"
        defaultValue={process?.projectLink}
        maxLength={500}
        isOptional
        label={<FormattedMessage id="participation.projectLabel" />}
      />
      <RadioGroupField
        name="participationLevel"
        label={<FormattedMessage id="participation.levelLabel" />}
        value={level}
        onChange={setLevel}
        options={LEVELS.map((id) => ({ id, label: labels.level(id) }))}
      />
      <RadioGroupField
        name="whoMayTakePart"
        label={<FormattedMessage id="participation.whoLabel" />}
        value={who}
        onChange={setWho}
        options={[
          { id: 'signed_in', label: intl.formatMessage({ id: 'participation.who.signedIn' }) },
          {
            id: 'verified',
            label: intl.formatMessage({ id: 'participation.who.verified' }),
            description: intl.formatMessage({ id: 'participation.who.verified.help' }),
          },
        ]}
      />
      <NumberField
        name="supportsPerPerson"
        minValue={1}
        maxValue={1000}
        step={1}
        value={supports}
        onChange={(value) => setSupports(Number.isFinite(value) ? value : 1)}
        label={<FormattedMessage id="participation.newProcess.supports" />}
      />
      <fieldset className="participation-phases-editor">
        <legend>
          <FormattedMessage id="participation.phases" />
        </legend>
        {phases.map((row, index) => (
          <div key={row.key} className="phase-editor">
            <SelectField
              label={
                <FormattedMessage id="participation.newProcess.phaseKind" values={{ number: index + 1 }} />
              }
              options={KINDS.map((id) => ({ id, label: labels.phase(id) }))}
              value={row.kind}
              onChange={(key) => change(row.key, { kind: String(key) as PhaseKind })}
            />
            <DateField
              label={<FormattedMessage id="participation.newProcess.from" values={{ number: index + 1 }} />}
              value={row.from}
              onChange={(value) => change(row.key, { from: value as CalendarDate | null })}
              isRequired
            />
            <DateField
              label={<FormattedMessage id="participation.newProcess.to" values={{ number: index + 1 }} />}
              value={row.to}
              onChange={(value) => change(row.key, { to: value as CalendarDate | null })}
              isRequired
            />
            <Button
              className="button button--small button--secondary"
              onPress={() => setPhases((rows) => rows.filter((other) => other.key !== row.key))}
            >
              <FormattedMessage id="participation.newProcess.removePhase" values={{ number: index + 1 }} />
            </Button>
          </div>
        ))}
        {phases.length < MAX_PHASES && (
          <Button
            className="button button--secondary"
            onPress={() =>
              setPhases((rows) => {
                const last = rows[rows.length - 1]?.to ?? now;
                const key = Math.max(0, ...rows.map((row) => row.key)) + 1;
                return [
                  ...rows,
                  { key, kind: 'deliberation', from: last.add({ days: 1 }), to: last.add({ days: 14 }) },
                ];
              })
            }
          >
            <FormattedMessage id="participation.newProcess.addPhase" />
          </Button>
        )}
      </fieldset>
      <div className="form-actions">
        <SubmitButton isPending={open.isPending}>
          <FormattedMessage id={process ? 'participation.edit.submit' : 'participation.newProcess.submit'} />
        </SubmitButton>
      </div>
    </Form>
  );
}
