-- Organisations are found by a part of their name whatever the case and the accents (ADR 0008) in
-- the name as folded when written, rather than folding every name of the cluster at each search
-- (a wallet's history search asks which organisations its text names).
ALTER TABLE organisation
  ADD COLUMN name_folded text GENERATED ALWAYS AS (kopa_fold(name)) STORED;
