/**
 * The coordinator's part in a round: run one (after a refusal, leaving out the members who
 * refused, if they choose), apply one that needs no confirmation, cancel one that waits.
 */
import { useRouter } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { CheckboxGroupField } from '../platform/forms/checkbox-group-field.tsx';
import { paths } from '../platform/routing/paths.ts';
import { clearingApi, type Round, usePositions, useRounds } from './clearing-api.ts';
import { ClearingDialog } from './clearing-dialog.tsx';
import { useEuroFormat } from './euros.tsx';

/** The members who refused the latest round, when that is how it ended. */
function useLatestRefusers(slug: string) {
  const rounds = useRounds(slug);
  const latest = rounds.data?.pages[0]?.items[0];
  const wasRefused = latest?.status === 'cancelled' && latest.cancelReason === 'refused';
  const positions = usePositions(slug, latest?.id ?? '', wasRefused);
  if (!wasRefused) return [];
  return (positions.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (position) => position.decision === 'refused',
  );
}

export function RunRoundDialog({ slug }: { slug: string }) {
  const intl = useIntl();
  const router = useRouter();
  const { euros, share } = useEuroFormat();
  const refusers = useLatestRefusers(slug);
  return (
    <ClearingDialog
      slug={slug}
      trigger={{ label: <FormattedMessage id="clearing.run.open" />, className: 'button' }}
      title={intl.formatMessage({ id: 'clearing.run.title' })}
      explanation={
        <p>
          <FormattedMessage id="clearing.run.explain" />
        </p>
      }
      fields={
        refusers.length > 0 && (
          <CheckboxGroupField
            name="exclude"
            label={<FormattedMessage id="clearing.run.exclude" />}
            description={<FormattedMessage id="clearing.run.exclude.help" />}
            options={refusers.map((position) => ({ id: position.organisationId, label: position.name }))}
            defaultValue={refusers.map((position) => position.organisationId)}
          />
        )
      }
      submitLabel={<FormattedMessage id="clearing.run.submit" />}
      toBody={(form) => ({ exclude: form.all('exclude') })}
      send={(body, key) => clearingApi.run(slug, body.exclude, key)}
      doneMessage={(round) =>
        intl.formatMessage(
          { id: 'clearing.run.done' },
          {
            cleared: euros(round.clearedCents),
            total: euros(round.totalCents),
            share: share(round.clearedBasisPoints),
          },
        )
      }
      onDone={(round) => void router.navigate({ href: paths.clearingRound(slug, round.id) })}
    />
  );
}

export function ApplyRoundDialog({ slug, round }: { slug: string; round: Round }) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  return (
    <ClearingDialog
      slug={slug}
      trigger={{ label: <FormattedMessage id="clearing.apply.open" />, className: 'button' }}
      title={intl.formatMessage({ id: 'clearing.apply.title' })}
      explanation={
        <p>
          <FormattedMessage id="clearing.apply.explain" values={{ cleared: euros(round.clearedCents) }} />
        </p>
      }
      submitLabel={<FormattedMessage id="clearing.apply.submit" />}
      toBody={() => null}
      send={(_body, key) => clearingApi.apply(slug, round.id, key)}
      doneMessage={() => intl.formatMessage({ id: 'clearing.apply.done' })}
    />
  );
}

export function CancelRoundDialog({ slug, round }: { slug: string; round: Round }) {
  const intl = useIntl();
  return (
    <ClearingDialog
      slug={slug}
      isDestructive
      trigger={{ label: <FormattedMessage id="clearing.cancel.open" /> }}
      title={intl.formatMessage({ id: 'clearing.cancel.title' })}
      explanation={
        <p>
          <FormattedMessage id="clearing.cancel.explain" />
        </p>
      }
      submitLabel={<FormattedMessage id="clearing.cancel.submit" />}
      toBody={() => null}
      send={(_body, key) => clearingApi.cancel(slug, round.id, key)}
      doneMessage={() => intl.formatMessage({ id: 'clearing.cancel.done' })}
    />
  );
}
