import type { StaffRole } from '@caredesk/core/access';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { inviteStaff, type AdminAccount } from './admin-api';
import { RoleCheckboxes } from './role-checkboxes';
import type { Said } from './said';
import { TextInput } from './text-input';
import { useProblemSubmit } from './use-problem-submit';

/** Invites a staff member by e-mail; they choose their own password from the link. */
export function InviteForm({
  grantable,
  onInvited,
}: {
  grantable: readonly StaffRole[];
  onInvited: (account: AdminAccount) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Set<StaffRole>>(new Set());
  const [sent, setSent] = useState<Said | null>(null);
  const { busy, error, fieldErrors, refuse, run } = useProblemSubmit([
    'displayName',
    'email',
    'roles',
  ]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    const mine: Record<string, string> = {};
    if (!name.trim()) mine.displayName = t('web.admin.invite.name-required');
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) mine.email = t('web.admin.invite.email-invalid');
    if (roles.size === 0) mine.roles = t('web.admin.roles.required');
    if (Object.keys(mine).length > 0) return refuse(mine);
    const invited = await run(async () => {
      onInvited(
        await inviteStaff({ displayName: name.trim(), email: email.trim(), roles: [...roles] }),
      );
    });
    if (!invited) return;
    setSent({ key: 'web.admin.invite.sent', values: { email: email.trim() } });
    setName('');
    setEmail('');
    setRoles(new Set());
  };

  return (
    <form className="invite-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="invite-fields">
        <TextInput
          label={t('web.admin.invite.name')}
          error={fieldErrors.displayName}
          autoComplete="off"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextInput
          label={t('web.admin.invite.email')}
          error={fieldErrors.email}
          type="email"
          autoComplete="off"
          maxLength={320}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <RoleCheckboxes
        legend={t('web.admin.roles')}
        value={roles}
        grantable={grantable}
        error={fieldErrors.roles}
        onChange={setRoles}
      />
      <FormError message={error} />
      <button type="submit" disabled={busy}>
        {t('web.admin.invite.submit')}
      </button>
      <p role="status" className="result">
        {sent && t(sent.key, sent.values)}
      </p>
    </form>
  );
}
