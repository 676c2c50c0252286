-- HL7 v2 messages received over MLLP (issue #6 point 1). Every frame that reaches the
-- listener is stored raw with its outcome, in the transaction that processes it (or, when
-- processing fails, on its own afterwards) and before the sender reads the ACK: admins see
-- failed and rejected messages and can replay them; nothing is silently dropped.
CREATE TABLE hl7_messages (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  remote_address TEXT,
  -- MSH-3, MSH-4 and MSH-10: a control id is unique per sending application and facility
  -- (HL7 v2.5 §2.14.9.10). Empty strings when the header could not be read.
  sending_application TEXT NOT NULL,
  sending_facility TEXT NOT NULL,
  control_id TEXT,
  -- MSH-9 as "ADT^A03", and MSH-12.
  message_type TEXT,
  version TEXT,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  raw BLOB NOT NULL,
  -- processed (AA), failed (AE: could be processed later; replayable), rejected (AR).
  status TEXT NOT NULL,
  ack_code TEXT NOT NULL,
  -- The ACK as sent, sent again byte for byte when the sender repeats the message.
  ack TEXT NOT NULL,
  error TEXT,
  attempts INTEGER NOT NULL,
  last_attempt_at TEXT NOT NULL,
  processed_at TEXT
);
-- A repeated control id is acknowledged again and processed once.
CREATE UNIQUE INDEX hl7_messages_control
  ON hl7_messages (organization_id, sending_application, sending_facility, control_id)
  WHERE control_id IS NOT NULL;
-- The admins' list: newest first within a status (keyset pagination on received_at, id).
CREATE INDEX hl7_messages_status ON hl7_messages (organization_id, status, received_at, id);
-- The same list across statuses (the feed as it came in).
CREATE INDEX hl7_messages_received ON hl7_messages (organization_id, received_at, id);
