/**
 * Runs the recurring payments while `kopa serve` runs: at start, then every minute, never two
 * runs at once. The clock decides what is due, so a test can move time instead of waiting.
 */
import type { Clock } from '../../platform/clock.ts';
import { assemblePaymentRequests, type RequestDeps } from './assemble.ts';
import type { RecurringPayments } from './recurring-payments.ts';

export const RECURRING_INTERVAL_MS = 60_000;

/** Starts the runs; the returned function stops them and resolves when the current run is over. */
export function scheduleRecurringPayments(
  recurring: Pick<RecurringPayments, 'runDue'>,
  clock: Clock,
  onError: (error: unknown) => void,
  intervalMs = RECURRING_INTERVAL_MS,
): () => Promise<void> {
  let current: Promise<void> | null = null;
  const run = () => {
    if (current) return;
    current = recurring
      .runDue(clock())
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}

/** For `kopa serve`: the recurring payments on the server's database, mail and clock. */
export function startRecurringPayments(deps: RequestDeps, onError: (error: unknown) => void) {
  return scheduleRecurringPayments(assemblePaymentRequests(deps).recurringPayments, deps.clock, onError);
}
