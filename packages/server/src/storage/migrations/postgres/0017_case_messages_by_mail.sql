-- PostgreSQL twin of sqlite/0017_case_messages_by_mail.sql. The message an inbound e-mail
-- became, found by the mail's id: the mail job looks it up before it appends or opens
-- anything, so a redelivered job never adds the message twice. Without this index that
-- look-up read every message. Partial: most messages did not come by e-mail.
CREATE INDEX case_messages_by_inbound_mail ON case_messages (inbound_mail_id)
  WHERE inbound_mail_id IS NOT NULL;
