-- PostgreSQL twin of sqlite/0018_agent_loads.sql. Each agent's load: how many active
-- cases (new, open, pending) are assigned to them, kept by a trigger on every insert,
-- update and delete of a case, so no code path can forget it. Routing reads it for every
-- new case (issue #5 §3) instead of counting every candidate's active cases.
CREATE TABLE agent_loads (
  account_id TEXT PRIMARY KEY,
  active_cases INTEGER NOT NULL
);

INSERT INTO agent_loads (account_id, active_cases)
  SELECT assignee_id, count(*) FROM cases
  WHERE is_active = 1 AND assignee_id IS NOT NULL
  GROUP BY assignee_id;

CREATE FUNCTION cases_keep_agent_loads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_active = 1 AND OLD.assignee_id IS NOT NULL THEN
    UPDATE agent_loads SET active_cases = active_cases - 1 WHERE account_id = OLD.assignee_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL THEN
    INSERT INTO agent_loads (account_id, active_cases) VALUES (NEW.assignee_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET active_cases = agent_loads.active_cases + 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cases_keep_agent_loads_insert AFTER INSERT ON cases
  FOR EACH ROW WHEN (NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL)
  EXECUTE FUNCTION cases_keep_agent_loads();
CREATE TRIGGER cases_keep_agent_loads_update AFTER UPDATE OF assignee_id, is_active ON cases
  FOR EACH ROW
  WHEN ((OLD.is_active = 1 AND OLD.assignee_id IS NOT NULL)
    OR (NEW.is_active = 1 AND NEW.assignee_id IS NOT NULL))
  EXECUTE FUNCTION cases_keep_agent_loads();
CREATE TRIGGER cases_keep_agent_loads_delete AFTER DELETE ON cases
  FOR EACH ROW WHEN (OLD.is_active = 1 AND OLD.assignee_id IS NOT NULL)
  EXECUTE FUNCTION cases_keep_agent_loads();
