import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { FormError } from '../../sign-in/form-error';
import '../../styles/console-admin.css';
import { createTeam, fetchAllStaff, fetchTeams, type Team } from './admin-api';
import type { Said } from './said';
import { TeamItem } from './team-item';
import { TextInput } from './text-input';
import { useProblemSubmit } from './use-problem-submit';

/**
 * Teams (issue #4 point 4, permission admin.teams): groups of staff, created here and
 * filled from the staff list. Every membership change is audited as a permission change.
 */
export function TeamsPage() {
  const t = useT();
  const [teams, setTeams] = useState<Team[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [said, setSaid] = useState<Said | null>(null);
  const [name, setName] = useState('');
  const staff = useResource(fetchAllStaff, []);
  const create = useProblemSubmit(['name']);

  const load = useCallback(async () => {
    try {
      setTeams(await fetchTeams());
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return create.refuse({ name: t('web.admin.teams.name-required') });
    const done = await create.run(async () => {
      const team = await createTeam(name.trim());
      setTeams((list) => [...list, team].sort((a, b) => a.name.localeCompare(b.name)));
      setSaid({ key: 'web.admin.teams.created', values: { team: team.name } });
    });
    if (done) setName('');
  };

  const changed = (next: Team, what: Said) => {
    setTeams((list) => list.map((x) => (x.id === next.id ? next : x)));
    setSaid(what);
  };

  return (
    <>
      <h1>{t('web.admin.teams.title')}</h1>
      <p>{t('web.admin.teams.intro')}</p>
      <section className="admin-section" aria-labelledby="new-team-title">
        <h2 id="new-team-title">{t('web.admin.teams.create')}</h2>
        <form className="new-team" onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            label={t('web.admin.teams.name')}
            error={create.fieldErrors.name}
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={create.busy}>
            {t('web.admin.teams.create-submit')}
          </button>
        </form>
        <FormError message={create.error} />
      </section>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said.key, said.values)}
      </div>
      {(state === 'loading' || staff.kind === 'loading') && <p role="status">{t('web.loading')}</p>}
      {(state === 'failed' || staff.kind === 'failed') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {state === 'ready' && teams.length === 0 && <p>{t('web.admin.teams.empty')}</p>}
      {state === 'ready' && staff.kind === 'ready' && teams.length > 0 && (
        <ul className="plain teams" data-testid="teams">
          {teams.map((team) => (
            <TeamItem key={team.id} team={team} staff={staff.value} onChanged={changed} />
          ))}
        </ul>
      )}
    </>
  );
}
