-- A seeded random order of a process's proposals that pages through an index. Each proposal draws
-- a place on a circle once (a key in [0, 2^31)); a reader's seed picks where on the circle the list
-- starts, and the list goes round from there. A page is an index range scan, where hashing every
-- proposal with the seed cost a scan and a sort of the whole process on every page. The price: all
-- readers see the same cyclic order from different starts, and a proposal leads a reader's list as
-- often as the gap before its key is wide (random, unrelated to age or support).
ALTER TABLE proposal
  ADD COLUMN shuffle_key integer NOT NULL DEFAULT floor(random() * 2147483648)::integer
    CHECK (shuffle_key >= 0);
CREATE INDEX proposal_shuffle_idx ON proposal (cluster_id, process_id, shuffle_key, id);
