-- The tenant rule covers unique constraints too: a distributed table (Citus) can only enforce
-- uniqueness that includes its distribution column. Invitation tokens are 32 random bytes, so
-- uniqueness within the cluster is all that needs enforcing; lookup by token keeps its index.
ALTER TABLE invitation DROP CONSTRAINT invitation_token_hash_key;
ALTER TABLE invitation ADD CONSTRAINT invitation_cluster_token_key UNIQUE (cluster_id, token_hash);
CREATE INDEX invitation_token_hash_idx ON invitation (token_hash);
