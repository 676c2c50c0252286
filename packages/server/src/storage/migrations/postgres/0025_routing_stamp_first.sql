-- The routing stamp's triggers (0022) run BEFORE each statement instead of after it, so a
-- writer takes the stamp row's lock before any row of the desk tables. After the
-- statement, a writer held its rows and then waited for the stamp while another writer
-- held the stamp and waited for those rows: a deadlock, one of them rolled back (seen
-- with an agent's availability change against a transaction changing that agent's
-- account and then profile). One order, stamp first, leaves nothing to deadlock on.
-- The stamp is still replaced only by a statement that commits.
DROP TRIGGER desk_queues_stamp ON desk_queues;
DROP TRIGGER accounts_stamp_insert_delete ON accounts;
DROP TRIGGER accounts_stamp_update ON accounts;
DROP TRIGGER agent_profiles_stamp_insert_delete ON agent_profiles;
DROP TRIGGER agent_profiles_stamp_update ON agent_profiles;
DROP TRIGGER team_members_stamp ON team_members;

CREATE TRIGGER desk_queues_stamp BEFORE INSERT OR UPDATE OR DELETE ON desk_queues
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER accounts_stamp_insert_delete BEFORE INSERT OR DELETE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER accounts_stamp_update
  BEFORE UPDATE OF organization_id, kind, status, roles, preferred_language ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER agent_profiles_stamp_insert_delete BEFORE INSERT OR DELETE ON agent_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER agent_profiles_stamp_update
  BEFORE UPDATE OF account_id, organization_id, languages, categories, capacity, availability
  ON agent_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
CREATE TRIGGER team_members_stamp BEFORE INSERT OR UPDATE OR DELETE ON team_members
  FOR EACH STATEMENT EXECUTE FUNCTION routing_stamp_replace();
