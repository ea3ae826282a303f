-- An order's fee is held beside its amount (a hold to the fee account pointing at the order's hold);
-- the order's delivery or cancellation finds it by the hold it points at.
CREATE INDEX currency_transfer_fee_hold_idx
  ON currency_transfer (cluster_id, related_transfer_id) WHERE kind = 'hold';
