-- A manage link keeps at most one live hold (issue 25): a new hold through the link lets the previous one go
-- in the same transaction, and this index refuses a second active hold if anything ever raced past that.
-- Holds through a link also count in the per-address cap, like a publishable key's.
ALTER TABLE holds ADD COLUMN manage_link_id text;
CREATE UNIQUE INDEX holds_one_active_per_manage_link ON holds (manage_link_id) WHERE status = 'active';
