-- A wallet's history for a period: the period's first and last transfers are found by date, then
-- the page is read by sequence between them (an account's transfers are dated in sequence order).
CREATE INDEX currency_transfer_payer_date_idx
  ON currency_transfer (cluster_id, payer_account_id, created_at DESC, seq DESC);
CREATE INDEX currency_transfer_payee_date_idx
  ON currency_transfer (cluster_id, payee_account_id, created_at DESC, seq DESC);
