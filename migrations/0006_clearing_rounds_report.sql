-- Clearing of euro invoices: what the invoice list, the withdrawal of a mistaken invoice and the
-- round report need beyond 0003.

-- What clearing rounds cancelled on the invoice, so "paid outside Kopa" is amount − outstanding −
-- cleared. A withdrawn invoice (recorded by mistake, or disputed) stays for the record but is no
-- longer owed: it leaves the open set that rounds work on.
ALTER TABLE euro_invoice
  ADD COLUMN cleared_cents bigint NOT NULL DEFAULT 0 CHECK (cleared_cents >= 0),
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by uuid REFERENCES person (id) ON DELETE SET NULL,
  ADD CONSTRAINT euro_invoice_settled_within_amount CHECK (outstanding_cents + cleared_cents <= amount_cents);
CREATE INDEX euro_invoice_open_set_idx ON euro_invoice (cluster_id, id)
  WHERE outstanding_cents > 0 AND withdrawn_at IS NULL;
CREATE INDEX clearing_cancellation_invoice_idx ON clearing_cancellation (cluster_id, invoice_id);

-- A round may leave out some members' invoices (after one of them refused the previous round),
-- and says why it was cancelled.
ALTER TABLE clearing_round
  ADD COLUMN excluded_organisation_ids uuid[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(excluded_organisation_ids) <= 100),
  ADD COLUMN cancel_reason text CHECK (cancel_reason IN ('coordinator', 'refused')),
  ADD CONSTRAINT clearing_round_cancel_reason_when_cancelled CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL));

-- The report's per-member figures, frozen when the round is computed: what the member owed and was
-- owed on the open invoices, and what the round cancels. Clearing cancels the same amount on both
-- sides of every member, so the net position (owed − owes) is the same before and after.
CREATE TABLE clearing_position (
  cluster_id uuid NOT NULL,
  round_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  owes_before_cents bigint NOT NULL CHECK (owes_before_cents >= 0),
  owed_before_cents bigint NOT NULL CHECK (owed_before_cents >= 0),
  cancelled_cents bigint NOT NULL
    CHECK (cancelled_cents >= 0 AND cancelled_cents <= owes_before_cents AND cancelled_cents <= owed_before_cents),
  PRIMARY KEY (cluster_id, round_id, organisation_id),
  FOREIGN KEY (cluster_id, round_id) REFERENCES clearing_round (cluster_id, id),
  FOREIGN KEY (cluster_id, organisation_id) REFERENCES organisation (cluster_id, id)
);
