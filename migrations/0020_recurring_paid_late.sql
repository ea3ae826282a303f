-- A refused occurrence of a recurring payment can be paid later by the payer's representatives
-- (once the account has the room). It then counts as paid, and keeps why it was refused on its day
-- and when it was paid.
ALTER TABLE currency_recurring_occurrence ADD COLUMN paid_late_at timestamptz;

DO $$
DECLARE
  refused_check text;
BEGIN
  SELECT conname INTO STRICT refused_check FROM pg_constraint
  WHERE conrelid = 'currency_recurring_occurrence'::regclass AND contype = 'c'
    AND pg_get_constraintdef(oid) LIKE '%failure IS NOT NULL%';
  EXECUTE format('ALTER TABLE currency_recurring_occurrence DROP CONSTRAINT %I', refused_check);
END $$;

ALTER TABLE currency_recurring_occurrence ADD CONSTRAINT currency_recurring_occurrence_refusal_kept CHECK (
  (outcome = 'failed' AND failure IS NOT NULL AND paid_late_at IS NULL)
  OR (outcome = 'paid' AND (failure IS NULL) = (paid_late_at IS NULL))
);
