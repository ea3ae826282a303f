-- A listing photo is kept re-encoded without its metadata, at most 1600 pixels on its longest side,
-- with a copy at most 640 pixels for the listing cards (src/server/marketplace/photo-processing.ts).
-- Photos stored before have no card copy: the photo itself is served in its place.
ALTER TABLE marketplace_photo
  ADD COLUMN card_bytes bytea CHECK (octet_length(card_bytes) <= 2097152);
