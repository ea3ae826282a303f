-- Payment requests and recurring payments, second step: why a trusted payee's request could not be
-- paid at once (it stays open and the payer sees the reason), the first date a recurring payment
-- counts its occurrences from (so month ends keep their day), and one row per occurrence handled —
-- its primary key is what makes a second scheduler run, or a retry after a crash, unable to pay an
-- occurrence twice.

ALTER TABLE currency_payment_request
  ADD COLUMN auto_payment_refusal text CHECK (char_length(auto_payment_refusal) <= 100);
CREATE INDEX currency_request_payer_status_idx
  ON currency_payment_request (cluster_id, payer_account_id, status, created_at DESC);

ALTER TABLE currency_recurring_payment ADD COLUMN first_due_on date;
UPDATE currency_recurring_payment SET first_due_on = next_due_on;
ALTER TABLE currency_recurring_payment ALTER COLUMN first_due_on SET NOT NULL;
ALTER TABLE currency_recurring_payment
  ADD CONSTRAINT currency_recurring_payment_ends_after_start CHECK (ends_on IS NULL OR ends_on >= first_due_on);
CREATE INDEX currency_recurring_payer_idx
  ON currency_recurring_payment (cluster_id, payer_account_id, created_at DESC);
CREATE INDEX currency_recurring_payee_idx
  ON currency_recurring_payment (cluster_id, payee_account_id, created_at DESC);

CREATE TABLE currency_recurring_occurrence (
  cluster_id uuid NOT NULL,
  recurring_payment_id uuid NOT NULL,
  due_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('paid', 'failed')),
  transfer_id uuid,
  -- The ledger's refusal code when the occurrence could not be paid.
  failure text CHECK (char_length(failure) <= 100),
  handled_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, recurring_payment_id, due_on),
  FOREIGN KEY (cluster_id, recurring_payment_id) REFERENCES currency_recurring_payment (cluster_id, id),
  FOREIGN KEY (cluster_id, transfer_id) REFERENCES currency_transfer (cluster_id, id),
  CHECK ((outcome = 'paid') = (transfer_id IS NOT NULL)),
  CHECK ((outcome = 'failed') = (failure IS NOT NULL))
);
