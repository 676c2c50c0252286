-- Knowledge base (issue #5 point 7): articles, one row per translation, and a full-text
-- index. Text and category codes are plain TEXT; instants are ISO 8601 UTC strings.
CREATE TABLE kb_articles (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  category TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('internal', 'patient')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  created_by TEXT,
  updated_by TEXT
);
-- The staff list, most recently changed first (keyset on updated_at, id).
CREATE INDEX kb_articles_recent ON kb_articles (organization_id, updated_at, id);

-- seq is an INTEGER PRIMARY KEY so that it is the table's rowid and survives VACUUM: it
-- is the rowid of the translation's row in kb_search.
CREATE TABLE kb_translations (
  seq INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('en', 'es', 'lv', 'nb')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  search_title TEXT NOT NULL,
  -- The opening words a list of results shows (core articleExcerpt), cut once at write
  -- time rather than from the body on every search.
  excerpt TEXT NOT NULL,
  fallback INTEGER NOT NULL,
  UNIQUE (article_id, language)
);
-- The portal lists articles by title in the reader's language.
CREATE INDEX kb_translations_title ON kb_translations (language, search_title, article_id);

-- The search index: FTS5, contentless (content=''), because what it indexes is not the
-- stored text but its folded form (core foldKnowledgeText: accents, case and æ/ø folded
-- in TypeScript, identically for both engines), which nothing else needs to keep.
-- contentless_delete=1 lets a translation's row be deleted by rowid when it is rewritten.
-- Every word is indexed with a one-digit prefix per language the translation is shown in
-- ("2analisis" for Spanish; an English fallback of an article without Spanish also gets
-- "2..."), so a search in one language reads only that language's part of each word
-- list. Filtering by language with separate tokens instead made every search read
-- lists as long as the whole knowledge base (2 ms at 10,000 articles, found or not).
-- Prefix indexes on 3 and 4 characters (the digit and 2-3 letters) keep typing-as-you-
-- search ("gl*", "glu*") cheap.
CREATE VIRTUAL TABLE kb_search USING fts5 (
  title,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '3 4'
);
