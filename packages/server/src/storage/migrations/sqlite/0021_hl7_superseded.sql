-- A failed or rejected HL7 message whose control id a different message later takes (a
-- corrected resend, or a sender that reuses ids) is kept as received, marked with the
-- message that superseded it, instead of having its bytes overwritten (issue #6 point 1:
-- every message is stored raw with its outcome). Only the current holder of a control id
-- is unique.
ALTER TABLE hl7_messages ADD COLUMN superseded_by TEXT;
DROP INDEX hl7_messages_control;
CREATE UNIQUE INDEX hl7_messages_control
  ON hl7_messages (organization_id, sending_application, sending_facility, control_id)
  WHERE control_id IS NOT NULL AND superseded_by IS NULL;
