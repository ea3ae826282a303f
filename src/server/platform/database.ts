/**
 * The database handle and the typed shape of every table. Repositories are the only code that
 * uses it; services hand them a transaction.
 */
import { type Generated, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

// Dates stay JavaScript Dates, bigints become numbers where they are counters (safe below 2^53).
pg.types.setTypeParser(20, (value: string) => Number(value));
// `date` columns stay ISO strings: a calendar day has no time zone.
pg.types.setTypeParser(1082, (value: string) => value);

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
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repository reads accept both. */
export type Queryable = Kysely<Database>;

export function connectDatabase(url: string, maxConnections = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the
  // pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
