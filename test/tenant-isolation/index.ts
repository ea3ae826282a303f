/** Every product area's tenant-isolation cases; a new area adds its set here. */
import type { TenantCaseSet } from '../support/tenant-isolation.ts';
import { budgetingCases } from './budgeting.ts';
import { clearingCases } from './clearing.ts';
import { currencyCases } from './currency.ts';
import { ideaTrailCases } from './idea-trail.ts';
import { marketplaceCases } from './marketplace.ts';
import { participationCases } from './participation.ts';
import { paymentRequestCases } from './payment-requests.ts';

export const TENANT_CASE_SETS: readonly TenantCaseSet[] = [
  currencyCases,
  marketplaceCases,
  participationCases,
  clearingCases,
  paymentRequestCases,
  budgetingCases,
  ideaTrailCases,
];
