/**
 * The database handle and the typed shape of every table. Repositories are the only code that
 * uses it; services hand them a transaction.
 */
import { type Generated, Kysely, type KyselyConfig, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PageSizeInText, prepareHotStatements, StatementNames } from './prepared-statements.ts';

// Dates stay JavaScript Dates, bigints become numbers where they are counters (safe below 2^53).
pg.types.setTypeParser(20, (value: string) => Number(value));
// `date` columns stay ISO strings: a calendar day has no time zone.
pg.types.setTypeParser(1082, (value: string) => value);

/**
 * `timestamptz` as PostgreSQL writes it in UTC (`2026-11-30 07:44:34.326123+00`) is read by the
 * engine's own ISO date parser, several times faster than the general one, which still reads every
 * other form (another time zone, BC, infinity). Both keep milliseconds and drop the rest.
 */
const UTC_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/;
const parseAnyTimestamp = pg.types.getTypeParser(1184);
export const parseTimestamp = (value: string): Date =>
  UTC_TIMESTAMP.test(value)
    ? new Date(`${value.slice(0, 10)}T${value.slice(11, -3)}Z`)
    : parseAnyTimestamp(value);
pg.types.setTypeParser(1184, parseTimestamp);

export interface PersonTable {
  id: string;
  email: string | null;
  email_verified_at: Date | null;
  password_hash: string | null;
  display_name: string;
  locale: string;
  is_platform_admin: Generated<boolean>;
  created_at: Generated<Date>;
  erased_at: Date | null;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
}

export interface EmailTokenTable {
  token_hash: string;
  person_id: string;
  purpose: 'verify_email' | 'reset_password';
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  person_id: string | null;
  subject: string;
  body_text: string;
  created_at: Date;
  delivered_via: 'smtp' | 'outbox';
  sent_at: Date | null;
  error: string | null;
}

export interface ClusterTable {
  id: string;
  slug: string;
  name: string;
  country: string;
  region: string;
  languages: string[];
  default_locale: string;
  cluster_type: string;
  description: string;
  visibility: string;
  created_at: Date;
  updated_at: Date;
}

export interface ClusterRoleTable {
  cluster_id: string;
  person_id: string;
  role: string;
  granted_at: Date;
  granted_by: string | null;
}

export interface OrganisationTable {
  cluster_id: string;
  id: string;
  name: string;
  legal_form: string;
  sector: string;
  country: string;
  website: string;
  description: string;
  vote_weight: number;
  membership_status: string;
  member_since: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface MembershipTransitionTable {
  cluster_id: string;
  id: string;
  organisation_id: string;
  from_status: string | null;
  to_status: string;
  effective_on: string;
  reason: string;
  recorded_at: Date;
  recorded_by: string | null;
}

export interface RepresentativeMandateTable {
  cluster_id: string;
  id: string;
  organisation_id: string;
  person_id: string;
  mandate: string;
  starts_on: string;
  ends_on: string | null;
  recorded_at: Date;
  recorded_by: string | null;
  revoked_at: Date | null;
}

export interface InvitationTable {
  cluster_id: string;
  id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
}

export interface AuditEventTable {
  cluster_id: string;
  seq: number;
  occurred_at: Date;
  action: string;
  is_public: boolean;
  payload: unknown;
  payload_digest: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  cluster_id: string;
  seq: number;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

export interface AuditSigningKeyTable {
  key_id: string;
  public_key_pem: string;
  created_at: Date;
}

export interface CurrencyTable {
  cluster_id: string;
  name: string;
  code: string;
  symbol: string;
  decimals: number;
  /** numeric(12,6), kept as text to stay exact. */
  euro_value: string;
  fee_basis_points: number;
  rebalance_after_months: number;
  limit_growth_basis_points: number | null;
  limit_growth_cap_minor: number | null;
  clearing_needs_confirmation: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface CurrencyAccountTypeTable {
  cluster_id: string;
  account_type: string;
  credit_limit_minor: number;
  max_balance_minor: number | null;
}

export interface CurrencyAccountTable {
  cluster_id: string;
  id: string;
  organisation_id: string | null;
  kind: 'member' | 'fee';
  account_type: string;
  balance_minor: number;
  pending_debit_minor: number;
  pending_credit_minor: number;
  credit_limit_minor: number;
  has_own_limit: boolean;
  max_balance_minor: number | null;
  received_total_minor: number;
  status: 'active' | 'frozen' | 'closing' | 'closed';
  negative_since: Date | null;
  last_transfer_at: Date | null;
  created_at: Date;
}

export type TransferKind = 'payment' | 'hold' | 'post' | 'void' | 'adjustment' | 'reversal' | 'fee';
export type TransferOrigin = 'request' | 'recurring' | 'order' | 'exit';

export interface CurrencyTransferTable {
  cluster_id: string;
  id: string;
  seq: Generated<number>;
  kind: TransferKind;
  payer_account_id: string;
  payee_account_id: string;
  amount_minor: number;
  description: string;
  related_transfer_id: string | null;
  payer_balance_after: number;
  payee_balance_after: number;
  origin: TransferOrigin | null;
  origin_id: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface CurrencyIdempotencyTable {
  cluster_id: string;
  person_id: string;
  idempotency_key: string;
  operation: string;
  request_hash: string;
  response: unknown;
  created_at: Date;
}

export interface CurrencyLimitChangeTable {
  cluster_id: string;
  id: string;
  account_id: string;
  field: 'credit_limit' | 'max_balance' | 'status';
  old_value: string | null;
  new_value: string | null;
  reason: string;
  changed_by: string | null;
  changed_at: Date;
}

export interface CurrencyPaymentRequestTable {
  cluster_id: string;
  id: string;
  payee_account_id: string;
  payer_account_id: string;
  amount_minor: number;
  description: string;
  due_on: string | null;
  status: 'open' | 'paid' | 'declined' | 'withdrawn';
  transfer_id: string | null;
  decline_reason: string;
  created_by: string | null;
  created_at: Date;
  resolved_at: Date | null;
  /** Why a trusted payee's request could not be paid at once (a ledger refusal code). */
  auto_payment_refusal: string | null;
}

export interface CurrencyTrustedPayeeTable {
  cluster_id: string;
  payer_account_id: string;
  payee_account_id: string;
  max_amount_minor: number;
  created_at: Date;
}

export interface CurrencyRecurringPaymentTable {
  cluster_id: string;
  id: string;
  payer_account_id: string;
  payee_account_id: string;
  amount_minor: number;
  description: string;
  every: 'week' | 'month' | 'quarter' | 'year';
  first_due_on: string;
  next_due_on: string;
  ends_on: string | null;
  status: 'active' | 'cancelled' | 'finished';
  last_failure: string | null;
  created_by: string | null;
  created_at: Date;
  cancelled_at: Date | null;
}

export interface CurrencyRecurringOccurrenceTable {
  cluster_id: string;
  recurring_payment_id: string;
  due_on: string;
  outcome: 'paid' | 'failed';
  transfer_id: string | null;
  /** Why the ledger refused it on its day; kept when it was paid later. */
  failure: string | null;
  handled_at: Date;
  /** When the payer's representatives paid a refused occurrence. */
  paid_late_at: Generated<Date | null>;
}

export interface MarketplaceListingTable {
  cluster_id: string;
  id: string;
  account_id: string;
  kind: 'offer' | 'want';
  title: string;
  description: string;
  category: string;
  price_minor: number | null;
  price_euro_cents: number | null;
  currency_share_percent: number;
  location: string;
  status: 'active' | 'paused' | 'closed';
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface MarketplacePhotoTable {
  cluster_id: string;
  id: string;
  listing_id: string;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Buffer;
  /** The copy for listing cards; null for photos stored before copies were made. */
  card_bytes: Buffer | null;
  alt_text: string;
  position: number;
  created_at: Date;
}

export interface MarketplaceAnswerTable {
  cluster_id: string;
  id: string;
  listing_id: string;
  /** The sender's account: the answering member's, or the listing's own for a reply. */
  account_id: string;
  /** The conversation: the account of the member who answered the listing. */
  thread_account_id: string;
  message: string;
  created_by: string | null;
  created_at: Date;
}

export interface MarketplaceOrderTable {
  cluster_id: string;
  id: string;
  listing_id: string;
  buyer_account_id: string;
  seller_account_id: string;
  quantity: number;
  amount_minor: number;
  note: string;
  hold_transfer_id: string;
  resolution_transfer_id: string | null;
  status: 'pending' | 'delivered' | 'cancelled';
  cancelled_by_side: 'buyer' | 'seller' | 'coordinator' | null;
  created_by: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export interface EuroInvoiceTable {
  cluster_id: string;
  id: string;
  debtor_organisation_id: string;
  creditor_organisation_id: string;
  reference: string;
  amount_cents: number;
  outstanding_cents: number;
  issued_on: string;
  due_on: string | null;
  recorded_by: string | null;
  created_at: Date;
  cleared_cents: Generated<number>;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

export interface ClearingRoundTable {
  cluster_id: string;
  id: string;
  status: 'proposed' | 'applied' | 'cancelled';
  needs_confirmation: boolean;
  invoice_count: number;
  total_cents: number;
  cleared_cents: number;
  created_by: string | null;
  created_at: Date;
  resolved_at: Date | null;
  excluded_organisation_ids: string[];
  cancel_reason: 'coordinator' | 'refused' | null;
}

export interface ClearingCancellationTable {
  cluster_id: string;
  round_id: string;
  invoice_id: string;
  outstanding_before_cents: number;
  cancelled_cents: number;
}

export interface ClearingConfirmationTable {
  cluster_id: string;
  round_id: string;
  organisation_id: string;
  decision: 'confirmed' | 'refused' | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface ClearingPositionTable {
  cluster_id: string;
  round_id: string;
  organisation_id: string;
  owes_before_cents: number;
  owed_before_cents: number;
  cancelled_cents: number;
}

export interface BudgetTable {
  cluster_id: string;
  id: string;
  process_id: string | null;
  name: string;
  description: string;
  currency: string;
  amount_minor: number;
  rule: string;
  /** numeric, as PostgreSQL writes it. */
  score_threshold: string | null;
  ballot_type: 'approval' | 'cumulative';
  min_projects: number;
  max_projects: number | null;
  max_total_cost_minor: number | null;
  points_per_voter: number | null;
  max_points_per_project: number | null;
  opens_at: Date;
  closes_at: Date;
  is_member_voting: boolean;
  is_code_voting: boolean;
  status: 'draft' | 'open' | 'closed' | 'published';
  pabulib: unknown;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  published_at: Date | null;
}

export interface BudgetProjectTable {
  cluster_id: string;
  budget_id: string;
  id: string;
  title: string;
  description: string;
  cost_minor: number;
  category: string;
  source_proposal_id: string | null;
  pabulib_id: string | null;
  pabulib_fields: unknown;
  position: number;
  created_at: Date;
}

export interface BudgetVotingCodeTable {
  cluster_id: string;
  budget_id: string;
  id: string;
  code_hash: string;
  created_at: Date;
  created_by: string | null;
  used_at: Date | null;
  used_by: string | null;
}

export interface BudgetBallotTable {
  cluster_id: string;
  budget_id: string;
  id: string;
  voter_id: string | null;
  voting_code_id: string | null;
  pabulib_voter_id: string | null;
  pabulib_fields: unknown;
  position: number | null;
  project_ids: string[];
  points: number[] | null;
  cast_at: Date;
  updated_at: Date;
}

export interface BudgetResultTable {
  cluster_id: string;
  budget_id: string;
  rule: string;
  selected_project_ids: string[];
  spent_minor: number;
  voter_count: number;
  voters_with_funded_project: number;
  explanation: unknown;
  computed_at: Date;
  computed_by: string | null;
}

export interface ParticipatoryProcessTable {
  cluster_id: string;
  id: string;
  title: string;
  description: string;
  description_html: string;
  easy_read_summary: string;
  project_link: string;
  participation_level: string;
  who_may_take_part: string;
  supports_per_person: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ProcessPhaseTable {
  cluster_id: string;
  process_id: string;
  id: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  allows_propose: boolean;
  allows_support: boolean;
  allows_comment: boolean;
  allows_vote: boolean;
}

export interface ProposalTable {
  cluster_id: string;
  id: string;
  process_id: string;
  title: string;
  body_markdown: string;
  body_html: string;
  category: string;
  location_text: string;
  latitude: number | null;
  longitude: number | null;
  estimated_cost_cents: number | null;
  state: string;
  author_id: string;
  support_count: number;
  comment_count: number;
  answer_reasoning: string;
  answer_input_effect: string;
  answered_at: Date | null;
  answered_by: string | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_note: string;
  published_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
}

export interface ProposalCoauthorTable {
  cluster_id: string;
  proposal_id: string;
  person_id: string;
  invited_by: string | null;
  invited_at: Date;
  accepted_at: Date | null;
}

export interface ProposalSupportTable {
  cluster_id: string;
  proposal_id: string;
  person_id: string;
  process_id: string;
  created_at: Date;
}

export interface ProcessSupporterTable {
  cluster_id: string;
  process_id: string;
  person_id: string;
  support_count: number;
}

export interface ProposalCommentTable {
  cluster_id: string;
  id: string;
  proposal_id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  author_id: string;
  body: string;
  alignment: string;
  created_at: Date;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_note: string;
}

export interface ContentReportTable {
  cluster_id: string;
  id: string;
  proposal_id: string;
  comment_id: string | null;
  reporter_id: string;
  reason: string;
  details: string;
  created_at: Date;
}

export interface ParticipationFollowerTable {
  cluster_id: string;
  target_kind: 'proposal' | 'result';
  target_id: string;
  person_id: string;
  created_at: Date;
}

export interface ParticipationNotificationTable {
  cluster_id: string;
  id: string;
  person_id: string;
  kind: string;
  process_id: string;
  proposal_id: string | null;
  result_id: string | null;
  meeting_id: string | null;
  subject: string;
  detail: string;
  created_at: Date;
  read_at: Date | null;
}

export interface MeetingTable {
  cluster_id: string;
  id: string;
  process_id: string;
  title: string;
  format: string;
  address: string;
  online_url: string;
  agenda: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  registered_count: number;
  minutes: string;
  attendee_count: number | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface MeetingRegistrationTable {
  cluster_id: string;
  meeting_id: string;
  person_id: string;
  status: 'registered' | 'waiting';
  requested_at: Date;
}

export interface MeetingProposalTable {
  cluster_id: string;
  meeting_id: string;
  proposal_id: string;
}

export interface SurveyTable {
  cluster_id: string;
  id: string;
  process_id: string;
  title: string;
  description: string;
  is_anonymous: boolean;
  opens_at: Date;
  closes_at: Date;
  response_count: number;
  created_at: Date;
}

export interface SurveyQuestionTable {
  cluster_id: string;
  survey_id: string;
  id: string;
  position: number;
  kind: string;
  prompt: string;
  options: string[];
  scale_min: number | null;
  scale_max: number | null;
  is_required: boolean;
}

export interface SurveyParticipantTable {
  cluster_id: string;
  survey_id: string;
  person_id: string;
}

export interface SurveyResponseTable {
  cluster_id: string;
  id: string;
  survey_id: string;
  person_id: string | null;
  submitted_on: string;
}

export interface SurveyAnswerTable {
  cluster_id: string;
  response_id: string;
  question_id: string;
  choices: number[];
  scale_value: number | null;
  text_value: string;
}

export interface AccountabilityResultTable {
  cluster_id: string;
  id: string;
  process_id: string;
  title: string;
  description: string;
  easy_read_summary: string;
  source_kind: 'proposal' | 'budget_project';
  source_id: string;
  /** The funded budget project that carries the result out, when one does. */
  budget_project_id: string | null;
  status: string;
  progress_percent: number;
  created_at: Date;
  updated_at: Date;
}

export interface ResultMilestoneTable {
  cluster_id: string;
  result_id: string;
  id: string;
  title: string;
  description: string;
  happened_on: string;
  evidence_text: string;
  evidence_url: string;
  status: string;
  progress_percent: number;
  recorded_at: Date;
  recorded_by: string | null;
}

export interface Database {
  person: PersonTable;
  session: SessionTable;
  email_token: EmailTokenTable;
  mail_outbox: MailOutboxTable;
  cluster: ClusterTable;
  cluster_role: ClusterRoleTable;
  organisation: OrganisationTable;
  membership_transition: MembershipTransitionTable;
  representative_mandate: RepresentativeMandateTable;
  invitation: InvitationTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_signing_key: AuditSigningKeyTable;
  currency: CurrencyTable;
  currency_account_type: CurrencyAccountTypeTable;
  currency_account: CurrencyAccountTable;
  currency_transfer: CurrencyTransferTable;
  currency_idempotency: CurrencyIdempotencyTable;
  currency_limit_change: CurrencyLimitChangeTable;
  currency_payment_request: CurrencyPaymentRequestTable;
  currency_trusted_payee: CurrencyTrustedPayeeTable;
  currency_recurring_payment: CurrencyRecurringPaymentTable;
  currency_recurring_occurrence: CurrencyRecurringOccurrenceTable;
  marketplace_listing: MarketplaceListingTable;
  marketplace_photo: MarketplacePhotoTable;
  marketplace_answer: MarketplaceAnswerTable;
  marketplace_order: MarketplaceOrderTable;
  euro_invoice: EuroInvoiceTable;
  clearing_round: ClearingRoundTable;
  clearing_cancellation: ClearingCancellationTable;
  clearing_confirmation: ClearingConfirmationTable;
  clearing_position: ClearingPositionTable;
  budget: BudgetTable;
  budget_project: BudgetProjectTable;
  budget_voting_code: BudgetVotingCodeTable;
  budget_ballot: BudgetBallotTable;
  budget_result: BudgetResultTable;
  participatory_process: ParticipatoryProcessTable;
  process_phase: ProcessPhaseTable;
  proposal: ProposalTable;
  proposal_coauthor: ProposalCoauthorTable;
  proposal_support: ProposalSupportTable;
  process_supporter: ProcessSupporterTable;
  proposal_comment: ProposalCommentTable;
  content_report: ContentReportTable;
  participation_follower: ParticipationFollowerTable;
  participation_notification: ParticipationNotificationTable;
  meeting: MeetingTable;
  meeting_registration: MeetingRegistrationTable;
  meeting_proposal: MeetingProposalTable;
  survey: SurveyTable;
  survey_question: SurveyQuestionTable;
  survey_participant: SurveyParticipantTable;
  survey_response: SurveyResponseTable;
  survey_answer: SurveyAnswerTable;
  accountability_result: AccountabilityResultTable;
  result_milestone: ResultMilestoneTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repository reads accept both. */
export type Queryable = Kysely<Database>;

export function connectDatabase(
  url: string,
  maxConnections = 20,
  options: { readonly log?: KyselyConfig['log'] } = {},
): Db {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the
  // pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  const names = new StatementNames();
  pool.on('connect', (client) => prepareHotStatements(client, names));
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PageSizeInText()],
    log: options.log,
  });
}
