-- The cluster currency: one mutual-credit currency per cluster, an account per member organisation
-- (and the cluster's own fee account), immutable transfers, payment requests, recurring payments,
-- the marketplace of offers and wants with orders held as pending transfers, and the clearing of
-- euro invoices. Amounts are integers in minor units; the sum of a currency's balances is zero.

CREATE TABLE currency (
  cluster_id uuid PRIMARY KEY REFERENCES cluster (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
  code text NOT NULL CHECK (code ~ '^[A-Z]{2,6}$'),
  symbol text NOT NULL CHECK (char_length(symbol) BETWEEN 1 AND 6),
  decimals smallint NOT NULL CHECK (decimals BETWEEN 0 AND 4),
  -- Informational only: the currency is never converted to euros.
  euro_value numeric(12, 6) NOT NULL DEFAULT 1 CHECK (euro_value > 0),
  fee_basis_points integer NOT NULL DEFAULT 0 CHECK (fee_basis_points BETWEEN 0 AND 2000),
  rebalance_after_months integer NOT NULL DEFAULT 12 CHECK (rebalance_after_months BETWEEN 1 AND 120),
  -- Optional growing credit line: a share of what the account has received, up to a cap.
  limit_growth_basis_points integer CHECK (limit_growth_basis_points BETWEEN 1 AND 10000),
  limit_growth_cap_minor bigint CHECK (limit_growth_cap_minor >= 0),
  -- Whether a clearing round waits for every affected member's confirmation.
  clearing_needs_confirmation boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Defaults per account type: the organisation's quadruple-helix sector, or the cluster's own account.
CREATE TABLE currency_account_type (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  account_type text NOT NULL CHECK (account_type IN ('government', 'industry', 'academia', 'civil_society')),
  credit_limit_minor bigint NOT NULL CHECK (credit_limit_minor >= 0),
  max_balance_minor bigint CHECK (max_balance_minor > 0),
  PRIMARY KEY (cluster_id, account_type)
);

CREATE TABLE currency_account (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  -- NULL for the cluster's fee account.
  organisation_id uuid,
  kind text NOT NULL CHECK (kind IN ('member', 'fee')),
  account_type text NOT NULL CHECK (account_type IN ('government', 'industry', 'academia', 'civil_society', 'cluster')),
  balance_minor bigint NOT NULL DEFAULT 0,
  pending_debit_minor bigint NOT NULL DEFAULT 0 CHECK (pending_debit_minor >= 0),
  pending_credit_minor bigint NOT NULL DEFAULT 0 CHECK (pending_credit_minor >= 0),
  credit_limit_minor bigint NOT NULL CHECK (credit_limit_minor >= 0),
  -- Set by the coordinator for this account; otherwise the account type's default applies.
  has_own_limit boolean NOT NULL DEFAULT false,
  max_balance_minor bigint CHECK (max_balance_minor > 0),
  received_total_minor bigint NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('active', 'frozen', 'closing', 'closed')),
  -- Since when the balance has been below zero without interruption (the rebalancing rule).
  negative_since timestamptz,
  last_transfer_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  UNIQUE (cluster_id, organisation_id),
  FOREIGN KEY (cluster_id, organisation_id) REFERENCES organisation (cluster_id, id),
  CHECK ((kind = 'fee') = (organisation_id IS NULL))
);
CREATE UNIQUE INDEX currency_account_one_fee_idx ON currency_account (cluster_id) WHERE kind = 'fee';

-- Immutable. A hold is a pending transfer; its post or void is a later transfer that points at it.
-- The balances after the transfer are kept on it, so a history page shows a running balance.
CREATE TABLE currency_transfer (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('payment', 'hold', 'post', 'void', 'adjustment', 'reversal', 'fee')),
  payer_account_id uuid NOT NULL,
  payee_account_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
  -- The hold a post or void resolves; the transfer a reversal undoes; the payment a fee belongs to.
  related_transfer_id uuid,
  payer_balance_after bigint NOT NULL,
  payee_balance_after bigint NOT NULL,
  -- What the transfer was for, when it came from elsewhere: a request, a recurring payment, an order.
  origin text CHECK (origin IN ('request', 'recurring', 'order', 'exit')),
  origin_id uuid,
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, payer_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, payee_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, related_transfer_id) REFERENCES currency_transfer (cluster_id, id),
  CHECK (payer_account_id <> payee_account_id)
);
CREATE INDEX currency_transfer_payer_idx ON currency_transfer (cluster_id, payer_account_id, seq DESC);
CREATE INDEX currency_transfer_payee_idx ON currency_transfer (cluster_id, payee_account_id, seq DESC);
CREATE INDEX currency_transfer_month_idx ON currency_transfer (cluster_id, created_at);
-- A hold is resolved once; a transfer is reversed once.
CREATE UNIQUE INDEX currency_transfer_resolves_once_idx
  ON currency_transfer (cluster_id, related_transfer_id) WHERE kind IN ('post', 'void', 'reversal');

-- A client-chosen key per write: the same key and body give the original answer, never a second write.
CREATE TABLE currency_idempotency (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 100),
  operation text NOT NULL,
  request_hash text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, person_id, idempotency_key)
);
CREATE INDEX currency_idempotency_created_idx ON currency_idempotency (created_at);

CREATE TABLE currency_limit_change (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  field text NOT NULL CHECK (field IN ('credit_limit', 'max_balance', 'status')),
  old_value text,
  new_value text,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  changed_by uuid REFERENCES person (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, account_id) REFERENCES currency_account (cluster_id, id)
);
CREATE INDEX currency_limit_change_account_idx ON currency_limit_change (cluster_id, account_id, changed_at DESC);

CREATE TABLE currency_payment_request (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  payee_account_id uuid NOT NULL,
  payer_account_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
  due_on date,
  status text NOT NULL CHECK (status IN ('open', 'paid', 'declined', 'withdrawn')),
  transfer_id uuid,
  decline_reason text NOT NULL DEFAULT '' CHECK (char_length(decline_reason) <= 500),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, payee_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, payer_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, transfer_id) REFERENCES currency_transfer (cluster_id, id)
);
CREATE INDEX currency_request_payer_idx ON currency_payment_request (cluster_id, payer_account_id, created_at DESC);
CREATE INDEX currency_request_payee_idx ON currency_payment_request (cluster_id, payee_account_id, created_at DESC);

-- The payer's standing consent: requests from this payee up to this amount are paid at once.
CREATE TABLE currency_trusted_payee (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  payer_account_id uuid NOT NULL,
  payee_account_id uuid NOT NULL,
  max_amount_minor bigint NOT NULL CHECK (max_amount_minor > 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, payer_account_id, payee_account_id),
  FOREIGN KEY (cluster_id, payer_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, payee_account_id) REFERENCES currency_account (cluster_id, id)
);

CREATE TABLE currency_recurring_payment (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  payer_account_id uuid NOT NULL,
  payee_account_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
  every text NOT NULL CHECK (every IN ('week', 'month', 'quarter', 'year')),
  next_due_on date NOT NULL,
  ends_on date,
  status text NOT NULL CHECK (status IN ('active', 'cancelled', 'finished')),
  last_failure text,
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, payer_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, payee_account_id) REFERENCES currency_account (cluster_id, id)
);
CREATE INDEX currency_recurring_due_idx ON currency_recurring_payment (next_due_on) WHERE status = 'active';

CREATE TABLE marketplace_listing (
  cluster_id uuid NOT NULL REFERENCES currency (cluster_id),
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('offer', 'want')),
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
  category text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 40),
  price_minor bigint CHECK (price_minor > 0),
  price_euro_cents bigint CHECK (price_euro_cents > 0),
  -- Of a euro price, the share the seller accepts in the currency (WIR-style split payments).
  currency_share_percent smallint NOT NULL DEFAULT 100 CHECK (currency_share_percent BETWEEN 0 AND 100),
  location text NOT NULL DEFAULT '' CHECK (char_length(location) <= 160),
  status text NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, account_id) REFERENCES currency_account (cluster_id, id)
);
CREATE INDEX marketplace_listing_recent_idx ON marketplace_listing (cluster_id, status, created_at DESC, id DESC);

CREATE TABLE marketplace_photo (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  listing_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) <= 2097152),
  alt_text text NOT NULL DEFAULT '' CHECK (char_length(alt_text) <= 200),
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 5),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  UNIQUE (cluster_id, listing_id, position),
  FOREIGN KEY (cluster_id, listing_id) REFERENCES marketplace_listing (cluster_id, id) ON DELETE CASCADE
);

CREATE TABLE marketplace_answer (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  listing_id uuid NOT NULL,
  account_id uuid NOT NULL,
  message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 2000),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, listing_id) REFERENCES marketplace_listing (cluster_id, id),
  FOREIGN KEY (cluster_id, account_id) REFERENCES currency_account (cluster_id, id)
);
CREATE INDEX marketplace_answer_listing_idx ON marketplace_answer (cluster_id, listing_id, created_at);

CREATE TABLE marketplace_order (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  listing_id uuid NOT NULL,
  buyer_account_id uuid NOT NULL,
  seller_account_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
  hold_transfer_id uuid NOT NULL,
  resolution_transfer_id uuid,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'cancelled')),
  cancelled_by_side text CHECK (cancelled_by_side IN ('buyer', 'seller', 'coordinator')),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, listing_id) REFERENCES marketplace_listing (cluster_id, id),
  FOREIGN KEY (cluster_id, buyer_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, seller_account_id) REFERENCES currency_account (cluster_id, id),
  FOREIGN KEY (cluster_id, hold_transfer_id) REFERENCES currency_transfer (cluster_id, id),
  FOREIGN KEY (cluster_id, resolution_transfer_id) REFERENCES currency_transfer (cluster_id, id)
);
CREATE INDEX marketplace_order_buyer_idx ON marketplace_order (cluster_id, buyer_account_id, created_at DESC);
CREATE INDEX marketplace_order_seller_idx ON marketplace_order (cluster_id, seller_account_id, created_at DESC);

-- Euro invoices members owe each other, and the clearing rounds that cancel debt around cycles.
CREATE TABLE euro_invoice (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  debtor_organisation_id uuid NOT NULL,
  creditor_organisation_id uuid NOT NULL,
  reference text NOT NULL DEFAULT '' CHECK (char_length(reference) <= 80),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 1000000000000),
  outstanding_cents bigint NOT NULL CHECK (outstanding_cents >= 0 AND outstanding_cents <= amount_cents),
  issued_on date NOT NULL,
  due_on date,
  recorded_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, debtor_organisation_id) REFERENCES organisation (cluster_id, id),
  FOREIGN KEY (cluster_id, creditor_organisation_id) REFERENCES organisation (cluster_id, id),
  CHECK (debtor_organisation_id <> creditor_organisation_id)
);
CREATE INDEX euro_invoice_open_idx ON euro_invoice (cluster_id, created_at DESC, id DESC);
CREATE INDEX euro_invoice_debtor_idx ON euro_invoice (cluster_id, debtor_organisation_id);
CREATE INDEX euro_invoice_creditor_idx ON euro_invoice (cluster_id, creditor_organisation_id);

CREATE TABLE clearing_round (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'applied', 'cancelled')),
  needs_confirmation boolean NOT NULL,
  invoice_count integer NOT NULL,
  total_cents bigint NOT NULL,
  cleared_cents bigint NOT NULL,
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  PRIMARY KEY (cluster_id, id)
);
CREATE INDEX clearing_round_recent_idx ON clearing_round (cluster_id, created_at DESC, id DESC);
-- At most one round waits for confirmations at a time, so two rounds never clear the same debt.
CREATE UNIQUE INDEX clearing_round_one_open_idx ON clearing_round (cluster_id) WHERE status = 'proposed';

CREATE TABLE clearing_cancellation (
  cluster_id uuid NOT NULL,
  round_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  -- The invoice's outstanding amount when the round was computed: if it changed, the round is stale.
  outstanding_before_cents bigint NOT NULL,
  cancelled_cents bigint NOT NULL CHECK (cancelled_cents > 0),
  PRIMARY KEY (cluster_id, round_id, invoice_id),
  FOREIGN KEY (cluster_id, round_id) REFERENCES clearing_round (cluster_id, id),
  FOREIGN KEY (cluster_id, invoice_id) REFERENCES euro_invoice (cluster_id, id)
);

CREATE TABLE clearing_confirmation (
  cluster_id uuid NOT NULL,
  round_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  decision text CHECK (decision IN ('confirmed', 'refused')),
  decided_by uuid REFERENCES person (id) ON DELETE SET NULL,
  decided_at timestamptz,
  PRIMARY KEY (cluster_id, round_id, organisation_id),
  FOREIGN KEY (cluster_id, round_id) REFERENCES clearing_round (cluster_id, id),
  FOREIGN KEY (cluster_id, organisation_id) REFERENCES organisation (cluster_id, id)
);
