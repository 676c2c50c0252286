-- PostgreSQL twin of sqlite/0015_macros.sql. Macros: reusable replies and internal notes in en/es/lv/nb (issue #5 point 6).
-- The texts and actions are JSON documents written whole with the macro: a macro is
-- always read and saved as one piece, and its version guards the whole of it.
CREATE TABLE macros (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL,
  name TEXT NOT NULL,
  -- The name folded (case- and accent-free): list order, and what makes two names the same.
  sort_name TEXT COLLATE "C" NOT NULL,
  names TEXT NOT NULL,
  bodies TEXT NOT NULL,
  actions TEXT NOT NULL,
  audience TEXT NOT NULL,
  active INTEGER NOT NULL,
  version INTEGER NOT NULL,
  -- Folded (accent- and case-free) name and texts, for the composer's search.
  search_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One name per organization: two macros called "Refill received" and "refill  received"
-- would be picked by mistake.
CREATE UNIQUE INDEX macros_name ON macros (organization_id, sort_name);
-- The composer lists the active ones in name order (keyset on sort_name, id).
CREATE INDEX macros_active ON macros (organization_id, active, sort_name, id);
