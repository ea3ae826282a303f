-- Searching a wallet's history: by words of the descriptions (trigram index, so a rare word is found
-- without reading every transfer of a busy account) and by counterparty (the pair of accounts, in
-- the order a page is read).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX currency_transfer_description_trgm_idx
  ON currency_transfer USING gin (description gin_trgm_ops);
CREATE INDEX currency_transfer_payer_pair_idx
  ON currency_transfer (cluster_id, payer_account_id, payee_account_id, seq DESC);
CREATE INDEX currency_transfer_payee_pair_idx
  ON currency_transfer (cluster_id, payee_account_id, payer_account_id, seq DESC);
