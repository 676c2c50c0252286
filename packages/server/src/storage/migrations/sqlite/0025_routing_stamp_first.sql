-- PostgreSQL's 0025 moves the routing stamp's triggers before each statement, so that
-- concurrent writers lock the stamp and the desk tables in one order. SQLite has one
-- writer at a time and cannot deadlock on them: nothing to change here. The version
-- exists so that both engines keep one numbering.
SELECT 1;
