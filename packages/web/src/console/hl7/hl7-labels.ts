import type { MessageKey } from '../../i18n/languages';
import type { Hl7MessageSummary, Hl7View } from './hl7-api';

export const VIEW_KEY: Record<Hl7View, MessageKey> = {
  failed: 'web.hl7.view.failed',
  rejected: 'web.hl7.view.rejected',
  processed: 'web.hl7.view.processed',
  all: 'web.hl7.view.all',
};

const ACK_KEY: Record<string, MessageKey> = {
  AA: 'web.hl7.outcome.AA',
  AE: 'web.hl7.outcome.AE',
  AR: 'web.hl7.outcome.AR',
};

const STATUS_KEY: Record<Hl7MessageSummary['status'], MessageKey> = {
  processed: 'web.hl7.outcome.AA',
  failed: 'web.hl7.outcome.AE',
  rejected: 'web.hl7.outcome.AR',
};

/** The acknowledgement code in words (Accepted, Error, Rejected), by the stored status when the code is unknown. */
export const outcomeKey = (m: Pick<Hl7MessageSummary, 'ackCode' | 'status'>): MessageKey =>
  (m.ackCode && ACK_KEY[m.ackCode]) || STATUS_KEY[m.status];
