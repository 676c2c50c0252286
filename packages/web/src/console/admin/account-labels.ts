import type { MessageKey } from '../../i18n/languages';
import type { AdminAccount } from './admin-api';

/** Account kinds and states as an administrator reads them. */
const KIND: Record<AdminAccount['kind'], MessageKey> = {
  staff: 'web.admin.kind.staff',
  patient: 'web.admin.kind.patient',
  caregiver: 'web.admin.kind.caregiver',
};

const STATUS: Record<AdminAccount['status'], MessageKey> = {
  active: 'web.admin.status.active',
  invited: 'web.admin.status.invited',
  disabled: 'web.admin.status.disabled',
};

export const kindKey = (k: AdminAccount['kind']): MessageKey => KIND[k];
export const statusKey = (s: AdminAccount['status']): MessageKey => STATUS[s];
