import { STAFF_ROLES, type StaffRole } from '@caredesk/core/access';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { roleKey } from '../../patient-record/patient-labels';

/**
 * The staff roles as labelled checkboxes. A role this administrator may not grant or
 * remove (role-rules on the server, which answers which ones) is shown but cannot be
 * changed, and the hint says why.
 */
export function RoleCheckboxes({
  legend,
  value,
  grantable,
  error,
  onChange,
}: {
  legend: string;
  value: ReadonlySet<StaffRole>;
  grantable: readonly StaffRole[];
  error: string | undefined;
  onChange: (next: Set<StaffRole>) => void;
}) {
  const t = useT();
  const id = useId();
  const locked = STAFF_ROLES.some((r) => !grantable.includes(r));
  const toggle = (role: StaffRole, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(role);
    else next.delete(role);
    onChange(next);
  };
  const described = [locked ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <fieldset
      className="role-choices"
      aria-describedby={described.length > 0 ? described.join(' ') : undefined}
    >
      <legend>{legend}</legend>
      {locked && (
        <p className="hint" id={`${id}-hint`}>
          {t('web.admin.roles.locked-hint')}
        </p>
      )}
      <div className="choices">
        {STAFF_ROLES.map((role) => (
          <div className="choice" key={role}>
            <input
              type="checkbox"
              id={`${id}-${role}`}
              checked={value.has(role)}
              disabled={!grantable.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />
            <label htmlFor={`${id}-${role}`}>{t(roleKey(role)!)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
