-- When each user's lists were last fully reconciled, and when the anti-entropy pass last asked
-- for a reconcile (a skill message) that has not happened yet.
ALTER TABLE linked_user ADD COLUMN last_reconciled_at TIMESTAMP;
ALTER TABLE linked_user ADD COLUMN heal_requested_at TIMESTAMP;
