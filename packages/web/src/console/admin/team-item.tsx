import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { setMembership, type StaffMember, type Team } from './admin-api';
import type { Said } from './said';
import { useProblemSubmit } from './use-problem-submit';

/** One team: its members, each removable, and a staff member to add. */
export function TeamItem({
  team,
  staff,
  onChanged,
}: {
  team: Team;
  staff: StaffMember[];
  /** The team as it is now, and what happened, to announce. */
  onChanged: (next: Team, said: Said) => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState('');
  const add = useProblemSubmit(['accountId']);
  const remove = useProblemSubmit([]);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const nameOf = (accountId: string) => byId.get(accountId)?.displayName ?? accountId;
  const addable = staff.filter((s) => !team.memberIds.includes(s.id) && s.status !== 'disabled');

  const addMember = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return add.refuse({ accountId: t('web.admin.teams.choose-first') });
    const done = await add.run(() => setMembership(team.id, chosen, true));
    if (!done) return;
    onChanged(
      { ...team, memberIds: [...team.memberIds, chosen] },
      { key: 'web.admin.teams.added', values: { name: nameOf(chosen), team: team.name } },
    );
    setChosen('');
  };

  const removeMember = async (accountId: string) => {
    const done = await remove.run(() => setMembership(team.id, accountId, false));
    if (!done) return;
    onChanged(
      { ...team, memberIds: team.memberIds.filter((m) => m !== accountId) },
      { key: 'web.admin.teams.removed', values: { name: nameOf(accountId), team: team.name } },
    );
    // The button pressed is gone with its row: the team's heading takes the focus.
    heading.current?.focus();
  };

  return (
    <li className="team">
      <h2 ref={heading} tabIndex={-1}>
        {team.name}
      </h2>
      {team.memberIds.length === 0 ? (
        <p>{t('web.admin.teams.no-members')}</p>
      ) : (
        <ul
          className="plain members"
          aria-label={t('web.admin.teams.members', { team: team.name })}
        >
          {team.memberIds.map((m) => (
            <li key={m}>
              <span>
                {nameOf(m)}
                {byId.get(m) && <span className="secondary">{byId.get(m)!.email}</span>}
              </span>
              <button
                type="button"
                disabled={remove.busy}
                aria-label={t('web.admin.teams.remove-named', { name: nameOf(m), team: team.name })}
                onClick={() => void removeMember(m)}
              >
                {t('web.admin.teams.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError message={remove.error} />
      <form className="add-member" onSubmit={(e) => void addMember(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-add`}>{t('web.admin.teams.add-label', { team: team.name })}</label>
          <select
            id={`${id}-add`}
            value={chosen}
            aria-invalid={add.fieldErrors.accountId ? true : undefined}
            aria-describedby={add.fieldErrors.accountId ? `${id}-add-error` : undefined}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t('web.admin.teams.choose')}</option>
            {addable.map((s) => (
              <option key={s.id} value={s.id}>
                {t('web.admin.teams.option', { name: s.displayName, email: s.email })}
              </option>
            ))}
          </select>
          {add.fieldErrors.accountId && (
            <p className="form-error" role="alert" id={`${id}-add-error`}>
              {add.fieldErrors.accountId}
            </p>
          )}
        </div>
        <button type="submit" disabled={add.busy}>
          {t('web.admin.teams.add')}
        </button>
      </form>
      <FormError message={add.error} />
    </li>
  );
}
