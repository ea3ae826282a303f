/** Builds the services of payment requests, trusted payees and recurring payments from the application's parts. */
import { Access } from '../../platform/access.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database.ts';
import type { Mailer } from '../../platform/mail.ts';
import { CurrencyService } from '../service.ts';
import { AccountMailer } from './account-mail.ts';
import { PaymentRequestService } from './payment-request-service.ts';
import { RecurringPayments } from './recurring-payments.ts';
import { TrustedPayeeService } from './trusted-payee-service.ts';

export interface RequestDeps {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** The application's own, when there is one; otherwise built here (the scheduler of `kopa serve`). */
  readonly access?: Access;
  readonly currency?: CurrencyService;
}

export function assemblePaymentRequests(deps: RequestDeps) {
  const { db, audit, clock } = deps;
  const access = deps.access ?? new Access(db);
  const currency = deps.currency ?? new CurrencyService(db, access, audit, clock);
  const mail = new AccountMailer(deps.mailer, clock, deps.publicUrl);
  return {
    paymentRequests: new PaymentRequestService(db, access, audit, currency, mail, clock),
    trustedPayees: new TrustedPayeeService(db, access, audit, currency, clock),
    recurringPayments: new RecurringPayments(db, access, audit, currency, mail, clock),
  };
}
