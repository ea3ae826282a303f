-- A wallet's history is searched in the folded description (migrations/0018) kept beside it, rather
-- than folded again for every transfer a search reads: the fold runs once, when a transfer is
-- written. The trigram index moves to the kept column.
ALTER TABLE currency_transfer
  ADD COLUMN description_folded text GENERATED ALWAYS AS (kopa_fold(description)) STORED;
CREATE INDEX currency_transfer_description_search_idx
  ON currency_transfer USING gin (description_folded gin_trgm_ops);
DROP INDEX currency_transfer_description_folded_idx;
