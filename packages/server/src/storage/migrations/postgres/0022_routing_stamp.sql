-- PostgreSQL twin of sqlite/0022_routing_stamp.sql. A stamp that every change routing
-- depends on replaces (queues, staff accounts' status, roles and language, routing
-- profiles' skills, capacity and availability, team membership); routing keeps those facts
-- in memory and reads only this stamp for each new case. Statement-level triggers: a
-- bulk change replaces it once. An assignment (last_assigned_at) does not. Random, not
-- counted up: a change rolled back must never hand its value to a later one.
CREATE TABLE routing_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stamp BIGINT NOT NULL
);
INSERT INTO routing_stamp (id, stamp) VALUES (1, 1);

CREATE FUNCTION routing_stamp_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE routing_stamp SET stamp = floor(random() * 9007199254740991)::bigint WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER desk_queues_stamp AFTER INSERT OR UPDATE OR DELETE ON desk_queues
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER accounts_stamp_insert_delete AFTER INSERT OR DELETE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER accounts_stamp_update
  AFTER UPDATE OF organization_id, kind, status, roles, preferred_language ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER agent_profiles_stamp_insert_delete AFTER INSERT OR DELETE ON agent_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER agent_profiles_stamp_update
  AFTER UPDATE OF account_id, organization_id, languages, categories, capacity, availability
  ON agent_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER team_members_stamp AFTER INSERT OR UPDATE OR DELETE ON team_members
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
