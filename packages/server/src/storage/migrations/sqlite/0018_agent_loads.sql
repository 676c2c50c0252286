-- Each agent's load: how many active cases (new, open, pending) are assigned to them, kept
-- by triggers on every insert, update and delete of a case, so no code path can forget it.
-- Routing reads it for every new case (issue #5 §3); counting the cases instead read every
-- active case of every candidate, which grew with the desk (issue #5 point 11: creating
-- cases at 1,000/s). The organization is the account's; loads are per account.
CREATE TABLE agent_loads (
  account_id TEXT PRIMARY KEY,
  active_cases INTEGER NOT NULL
);

INSERT INTO agent_loads (account_id, active_cases)
  SELECT assignee_id, count(*) FROM cases
  WHERE is_active = 1 AND assignee_id IS NOT NULL
  GROUP BY assignee_id;

CREATE TRIGGER cases_load_on_insert AFTER INSERT ON cases
  WHEN NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL
BEGIN
  INSERT INTO agent_loads (account_id, active_cases) VALUES (NEW.assignee_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET active_cases = active_cases + 1;
END;

CREATE TRIGGER cases_load_on_update AFTER UPDATE OF assignee_id, is_active ON cases
  WHEN (OLD.is_active = 1 AND OLD.assignee_id IS NOT NULL)
    OR (NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL)
BEGIN
  UPDATE agent_loads SET active_cases = active_cases - 1
    WHERE OLD.is_active = 1 AND account_id = OLD.assignee_id;
  INSERT INTO agent_loads (account_id, active_cases)
    SELECT NEW.assignee_id, 1 WHERE NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL
    ON CONFLICT (account_id) DO UPDATE SET active_cases = active_cases + 1;
END;

CREATE TRIGGER cases_load_on_delete AFTER DELETE ON cases
  WHEN OLD.is_active = 1 AND OLD.assignee_id IS NOT NULL
BEGIN
  UPDATE agent_loads SET active_cases = active_cases - 1 WHERE account_id = OLD.assignee_id;
END;
