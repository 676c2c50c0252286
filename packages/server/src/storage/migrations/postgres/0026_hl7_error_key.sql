-- Why a message failed or was refused, as a message-catalog key (hl7.*), beside the
-- English text its ACK carried: admins read the reason in their own language in the
-- console; the ACK's text stays what the sender's engineers were sent. Null for messages
-- stored before this column and for those processed.
ALTER TABLE hl7_messages ADD COLUMN error_key TEXT;
