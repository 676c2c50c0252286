-- PostgreSQL twin of sqlite/0013_knowledge_base.sql. Keys are COLLATE "C" so that keyset
-- pages and title order are byte order, as on SQLite.
CREATE TABLE kb_articles (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  category TEXT COLLATE "C" NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('internal', 'patient')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  version INTEGER NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  published_at TEXT COLLATE "C",
  created_by TEXT,
  updated_by TEXT
);
CREATE INDEX kb_articles_recent ON kb_articles (organization_id, updated_at, id);

-- The search index is a tsvector column of each translation, built by the application
-- from the folded text (core foldKnowledgeText, the same folding SQLite's index gets),
-- each word prefixed with a digit per language the translation is shown in
-- (kb-index-words.ts), with the 'simple' configuration: no stemming or stopwords of one
-- language imposed on four, words matched whole or, for the word being typed, by prefix
-- (to_tsquery ':*'). Title words carry weight A and body words B, for ts_rank. A GIN
-- index over it answers those queries without an extension. Trigrams (pg_trgm) were the
-- alternative: they match fragments inside words and rank by similarity rather than by
-- words found in the title and body, need a contrib extension some managed servers lack,
-- and their index is several times larger. seq grows with every save (translations are
-- rewritten whole), for "most recently written first" as SQLite's rowid gives it.
CREATE TABLE kb_translations (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
  language TEXT COLLATE "C" NOT NULL CHECK (language IN ('en', 'es', 'lv', 'nb')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  search_title TEXT COLLATE "C" NOT NULL,
  excerpt TEXT NOT NULL,
  fallback INTEGER NOT NULL,
  search_document TSVECTOR NOT NULL DEFAULT ''::tsvector,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (article_id, language)
);
CREATE INDEX kb_translations_title ON kb_translations (language, search_title, article_id);
CREATE INDEX kb_translations_search ON kb_translations USING GIN (search_document);
