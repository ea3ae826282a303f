-- People are found by a part of their name whatever the accents: "janis" finds Jānis, "francois"
-- finds François. unaccent is a trusted extension shipped with PostgreSQL, like pg_trgm.
CREATE EXTENSION IF NOT EXISTS unaccent;
