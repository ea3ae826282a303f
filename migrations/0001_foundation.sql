-- Foundation: people and their sessions (instance-wide), clusters (the tenant), organisations and
-- their membership, roles, invitations, the mail outbox and the audit hash chain.
-- Every cluster-owned table carries cluster_id in its primary key and in every foreign key into it.

CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE person (
  id uuid PRIMARY KEY,
  email citext UNIQUE,
  email_verified_at timestamptz,
  password_hash text,
  display_name text NOT NULL CHECK (char_length(display_name) <= 120),
  locale text NOT NULL CHECK (locale IN ('lv', 'en', 'fr', 'it')),
  is_platform_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz
);

CREATE TABLE session (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  user_agent text CHECK (char_length(user_agent) <= 300)
);
CREATE INDEX session_person_idx ON session (person_id);

CREATE TABLE email_token (
  token_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX email_token_person_idx ON email_token (person_id);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  to_address text NOT NULL,
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL,
  delivered_via text NOT NULL CHECK (delivered_via IN ('smtp', 'outbox')),
  sent_at timestamptz,
  error text
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);

CREATE TABLE cluster (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  country char(2) NOT NULL,
  region text NOT NULL DEFAULT '' CHECK (char_length(region) <= 120),
  languages text[] NOT NULL,
  default_locale text NOT NULL CHECK (default_locale IN ('lv', 'en', 'fr', 'it')),
  cluster_type text NOT NULL CHECK (cluster_type IN ('spatial', 'sectoral')),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
  visibility text NOT NULL CHECK (visibility IN ('public', 'members')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE cluster_role (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('coordinator', 'representative', 'participant', 'mediator', 'observer')),
  granted_at timestamptz NOT NULL,
  granted_by uuid REFERENCES person (id) ON DELETE SET NULL,
  PRIMARY KEY (cluster_id, person_id, role)
);
CREATE INDEX cluster_role_person_idx ON cluster_role (person_id);

CREATE TABLE organisation (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 160),
  legal_form text NOT NULL,
  sector text NOT NULL CHECK (sector IN ('government', 'industry', 'academia', 'civil_society')),
  country char(2) NOT NULL,
  website text NOT NULL DEFAULT '' CHECK (char_length(website) <= 300),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
  vote_weight integer NOT NULL DEFAULT 1 CHECK (vote_weight BETWEEN 0 AND 1000),
  membership_status text NOT NULL CHECK (membership_status IN ('applicant', 'active', 'suspended', 'left')),
  member_since date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id)
);
CREATE INDEX organisation_directory_idx ON organisation (cluster_id, membership_status, name, id);

CREATE TABLE membership_transition (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  from_status text CHECK (from_status IN ('applicant', 'active', 'suspended', 'left')),
  to_status text NOT NULL CHECK (to_status IN ('applicant', 'active', 'suspended', 'left')),
  effective_on date NOT NULL,
  reason text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 1000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES person (id) ON DELETE SET NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, organisation_id) REFERENCES organisation (cluster_id, id)
);
CREATE INDEX membership_transition_org_idx ON membership_transition (cluster_id, organisation_id, recorded_at);

CREATE TABLE representative_mandate (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  mandate text NOT NULL CHECK (char_length(mandate) BETWEEN 1 AND 1000),
  starts_on date NOT NULL,
  ends_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES person (id) ON DELETE SET NULL,
  revoked_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, organisation_id) REFERENCES organisation (cluster_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX representative_mandate_org_idx ON representative_mandate (cluster_id, organisation_id);
CREATE INDEX representative_mandate_person_idx ON representative_mandate (person_id);

CREATE TABLE invitation (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  email citext NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'representative', 'participant', 'mediator', 'observer')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES person (id) ON DELETE SET NULL,
  PRIMARY KEY (cluster_id, id)
);

CREATE TABLE audit_event (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  seq bigint NOT NULL CHECK (seq >= 1),
  occurred_at timestamptz NOT NULL,
  action text NOT NULL,
  is_public boolean NOT NULL,
  payload jsonb NOT NULL,
  payload_digest text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (cluster_id, seq)
);

-- The head of each cluster's chain; its row lock serialises the cluster's writers, and its
-- signature is the published checkpoint.
CREATE TABLE audit_head (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL,
  PRIMARY KEY (cluster_id)
);

CREATE TABLE audit_signing_key (
  key_id text PRIMARY KEY,
  public_key_pem text NOT NULL,
  created_at timestamptz NOT NULL
);
