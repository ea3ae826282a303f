-- An answer to a listing opens a conversation between the listing's organisation and the member
-- who answered; the listing's representatives reply in it. Each message names the conversation by
-- the answering member's account (`thread_account_id`); `account_id` stays the sender's. Answers
-- written before replies existed each open their own sender's conversation.
ALTER TABLE marketplace_answer ADD COLUMN thread_account_id uuid;
UPDATE marketplace_answer SET thread_account_id = account_id;
ALTER TABLE marketplace_answer
  ALTER COLUMN thread_account_id SET NOT NULL,
  ADD FOREIGN KEY (cluster_id, thread_account_id) REFERENCES currency_account (cluster_id, id);
-- A member reads the conversations of the accounts they act for; whether one exists is asked
-- before a reply.
CREATE INDEX marketplace_answer_thread_idx
  ON marketplace_answer (cluster_id, listing_id, thread_account_id, created_at);
