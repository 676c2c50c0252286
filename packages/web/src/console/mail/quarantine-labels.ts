import type { MessageKey } from '../../i18n/languages';
import type { QuarantineView } from './quarantine-api';

/** Why a message was held (core QUARANTINE_REASONS), in words. */
export const REASON_KEY: Record<string, MessageKey> = {
  unparseable: 'mail.quarantine.reason.unparseable',
  'too-deeply-nested': 'mail.quarantine.reason.too-deeply-nested',
  'too-many-parts': 'mail.quarantine.reason.too-many-parts',
  'executable-attachment': 'mail.quarantine.reason.executable-attachment',
  'attachment-too-large': 'mail.quarantine.reason.attachment-too-large',
  'no-sender': 'mail.quarantine.reason.no-sender',
  'auto-submitted': 'mail.quarantine.reason.auto-submitted',
  'sender-not-on-case': 'mail.quarantine.reason.sender-not-on-case',
  'processing-failed': 'mail.quarantine.reason.processing-failed',
};

export const VIEW_KEY: Record<QuarantineView, MessageKey> = {
  quarantined: 'web.mail.quarantine.view.quarantined',
  'new-case': 'web.mail.quarantine.view.new-case',
  threaded: 'web.mail.quarantine.view.threaded',
  released: 'web.mail.quarantine.view.released',
  discarded: 'web.mail.quarantine.view.discarded',
};
