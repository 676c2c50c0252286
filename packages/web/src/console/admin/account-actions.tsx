import type { StaffRole } from '@caredesk/core/access';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { FormError } from '../../sign-in/form-error';
import { changeRoles, resetMfa, setDisabled, type AdminAccount } from './admin-api';
import { RoleCheckboxes } from './role-checkboxes';
import type { Said } from './said';
import { useProblemSubmit } from './use-problem-submit';

const staffRoles = (a: AdminAccount) => new Set(a.roles as StaffRole[]);

/**
 * What an administrator may change on an account: a staff member's roles, whether it can
 * sign in, and a lost second factor. Each says what it did, or the server's refusal
 * beside the control that asked.
 */
export function AccountActions({
  account: a,
  grantable,
  onChanged,
}: {
  account: AdminAccount;
  grantable: readonly StaffRole[];
  onChanged: (next: AdminAccount) => void;
}) {
  const t = useT();
  const [roles, setRoles] = useState(() => staffRoles(a));
  const [done, setDone] = useState<Said | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  // After a reset the button that opened the dialog is gone: focus goes to what happened.
  const [sayReset, setSayReset] = useState(false);
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (sayReset) result.current?.focus();
  }, [sayReset]);
  const rolesSubmit = useProblemSubmit(['roles']);
  const statusSubmit = useProblemSubmit([]);
  const mfaSubmit = useProblemSubmit([]);
  const name = a.displayName;

  const saveRoles = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (roles.size === 0) return rolesSubmit.refuse({ roles: t('web.admin.roles.required') });
    const saved = await rolesSubmit.run(async () => onChanged(await changeRoles(a.id, [...roles])));
    if (saved) setDone({ key: 'web.admin.roles.saved', values: { name } });
  };

  const toggleStatus = async () => {
    setDone(null);
    const disable = a.status !== 'disabled';
    const changed = await statusSubmit.run(async () => onChanged(await setDisabled(a.id, disable)));
    if (changed)
      setDone({ key: disable ? 'web.admin.disabled' : 'web.admin.enabled', values: { name } });
  };

  const confirmReset = async () => {
    setDone(null);
    const reset = await mfaSubmit.run(async () => {
      await resetMfa(a.id);
      onChanged({ ...a, mfaEnabled: false });
    });
    if (!reset) return;
    setConfirmingReset(false);
    setDone({ key: 'web.admin.mfa-reset.done', values: { name } });
    setSayReset(true);
  };

  return (
    <>
      {a.kind === 'staff' && (
        <form onSubmit={(e) => void saveRoles(e)} noValidate>
          <RoleCheckboxes
            legend={t('web.admin.roles.of', { name })}
            value={roles}
            grantable={grantable}
            error={rolesSubmit.fieldErrors.roles}
            onChange={setRoles}
          />
          <FormError message={rolesSubmit.error} />
          <button type="submit" disabled={rolesSubmit.busy}>
            {t('web.admin.roles.save')}
          </button>
        </form>
      )}
      <div className="account-buttons">
        <button
          type="button"
          className={a.status === 'disabled' ? undefined : 'danger-outline'}
          disabled={statusSubmit.busy}
          onClick={() => void toggleStatus()}
        >
          {t(a.status === 'disabled' ? 'web.admin.enable' : 'web.admin.disable')}
        </button>
        {a.mfaEnabled && (
          <button type="button" onClick={() => setConfirmingReset(true)}>
            {t('web.admin.mfa-reset')}
          </button>
        )}
      </div>
      <FormError message={statusSubmit.error} />
      <p role="status" className="result" ref={result} tabIndex={-1}>
        {done && t(done.key, done.values)}
      </p>
      {confirmingReset && (
        <ConfirmDialog
          title={t('web.admin.mfa-reset.title', { name })}
          confirm={t('web.admin.mfa-reset.confirm')}
          cancel={t('web.admin.cancel')}
          busy={mfaSubmit.busy}
          error={mfaSubmit.error}
          onConfirm={() => void confirmReset()}
          onCancel={() => setConfirmingReset(false)}
        >
          <p>{t('web.admin.mfa-reset.body', { name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
