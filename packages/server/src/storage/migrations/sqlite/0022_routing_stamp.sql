-- A stamp that every change routing depends on replaces: queues, staff accounts'
-- status, roles and language, routing profiles' skills, capacity and availability, and team
-- membership. Routing keeps those facts in memory and reads only this stamp for each new
-- case (service-desk/routing/routing-world.ts). Triggers, so that no writer — another
-- server process, the command line — can change them without routing hearing of it. An
-- assignment (last_assigned_at) does not replace it: routing reads that fresh every time.
-- Random, not counted up: a change rolled back must never hand its value to a later one.
CREATE TABLE routing_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stamp INTEGER NOT NULL
);
INSERT INTO routing_stamp (id, stamp) VALUES (1, 1);

CREATE TRIGGER desk_queues_stamp_insert AFTER INSERT ON desk_queues
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER desk_queues_stamp_update AFTER UPDATE ON desk_queues
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER desk_queues_stamp_delete AFTER DELETE ON desk_queues
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER accounts_stamp_insert AFTER INSERT ON accounts
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER accounts_stamp_update
  AFTER UPDATE OF organization_id, kind, status, roles, preferred_language ON accounts
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER accounts_stamp_delete AFTER DELETE ON accounts
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER agent_profiles_stamp_insert AFTER INSERT ON agent_profiles
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER agent_profiles_stamp_update
  AFTER UPDATE OF account_id, organization_id, languages, categories, capacity, availability
  ON agent_profiles
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER agent_profiles_stamp_delete AFTER DELETE ON agent_profiles
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER team_members_stamp_insert AFTER INSERT ON team_members
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER team_members_stamp_update AFTER UPDATE ON team_members
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER team_members_stamp_delete AFTER DELETE ON team_members
BEGIN UPDATE routing_stamp SET stamp = random() WHERE id = 1; END;
