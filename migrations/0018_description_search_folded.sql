-- A wallet's history is searched as names are (src/server/platform/text-match.ts): whatever the
-- case and the accents, so "maiznica" finds "Maiznīca". The trigram index is on the folded text.
-- unaccent is STABLE (its rules are a file that could change), so an index needs a wrapper that is
-- declared IMMUTABLE: the rules are those shipped with PostgreSQL and Kopa never edits them. The
-- dictionary is named with its schema, so the function does not depend on the search path.
CREATE FUNCTION kopa_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1));

CREATE INDEX currency_transfer_description_folded_idx
  ON currency_transfer USING gin (kopa_fold(description) gin_trgm_ops);
DROP INDEX currency_transfer_description_trgm_idx;
