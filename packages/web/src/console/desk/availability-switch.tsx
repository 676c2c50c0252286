import { useEffect, useId, useState } from 'react';
import { AGENT_AVAILABILITIES } from '@caredesk/core/service-desk';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import '../../styles/console-routing.css';
import { fetchMyAvailability, setMyAvailability, type AgentAvailability } from './routing-api';
import { availabilityName } from './routing-labels';

/**
 * The signed-in agent says whether they take new cases (issue #5 point 3): routing gives
 * cases only to available agents; away and offline keep what they hold. Shown in the
 * console header to everyone who works cases (case.work). A native select: keyboards,
 * screen readers and phones handle it without help.
 */
export function AvailabilitySwitch() {
  const { permissions } = useSession();
  const works = permissions.has('case.work');
  const t = useT();
  const id = useId();
  const [value, setValue] = useState<AgentAvailability | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!works) return;
    let current = true;
    fetchMyAvailability().then(
      (a) => current && setValue(a),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [works]);

  if (!works || value === null) return null;
  const choose = async (next: AgentAvailability) => {
    const before = value;
    setValue(next);
    setFailed(false);
    try {
      setValue(await setMyAvailability(next));
    } catch {
      setValue(before);
      setFailed(true);
    }
  };
  return (
    <div className="availability-switch">
      <label htmlFor={id}>{t('web.routing.availability.label')}</label>
      <select
        id={id}
        value={value}
        aria-describedby={failed ? `${id}-error` : undefined}
        onChange={(e) => void choose(e.target.value as AgentAvailability)}
      >
        {AGENT_AVAILABILITIES.map((a) => (
          <option key={a} value={a}>
            {availabilityName(t, a)}
          </option>
        ))}
      </select>
      {failed && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {t('web.routing.availability.not-saved')}
        </p>
      )}
    </div>
  );
}
