import type { MessageKey } from '../../i18n/languages';
import { roleKey } from '../../patient-record/patient-labels';
import type { AccessLogEntry } from './access-log-api';

const ACTION: Record<AccessLogEntry['action'], MessageKey> = {
  read: 'web.access-log.action.read',
  search: 'web.access-log.action.search',
  export: 'web.access-log.action.export',
  disclose: 'web.access-log.action.disclose',
};

/** v3 PurposeOfUse codes the server records (core/src/access/roles.ts defaultPurposeOfUse). */
const PURPOSE: Record<string, MessageKey> = {
  TREAT: 'web.purpose.TREAT',
  ETREAT: 'web.purpose.ETREAT',
  HPAYMT: 'web.purpose.HPAYMT',
  HOPERAT: 'web.purpose.HOPERAT',
  PATRQT: 'web.purpose.PATRQT',
};

export const actionKey = (e: AccessLogEntry): MessageKey => ACTION[e.action];

export const purposeKey = (e: AccessLogEntry): MessageKey =>
  (e.purposeOfUse && PURPOSE[e.purposeOfUse]) || 'web.purpose.other';

/** The roles a patient reads: an integration is "a connected system", not a role list. */
export function roleKeys(e: AccessLogEntry): MessageKey[] {
  if (e.actorKind === 'api-token') return ['web.role.integration'];
  return e.actorRoles.flatMap((r) => roleKey(r) ?? []);
}
