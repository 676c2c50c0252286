import { useT } from '../../../i18n/i18n-provider';
import { fetchCareTeam, type CareTeamMember } from '../../../patient-record/patient-api';
import { useResource } from '../../../patient-record/use-resource';
import { SectionBody } from '../helping-section';
import type { SectionProps } from './section-props';

/** The API adds the practitioner's name to each care-team membership. */
type CareTeamEntry = CareTeamMember & { practitionerName?: string };

/** Care team and care plans (category "care-plans"): today, who is on the care team. */
export function CareTeamSection({ patientId, name }: SectionProps) {
  const t = useT();
  const team = useResource<CareTeamEntry[]>(() => fetchCareTeam(patientId), [patientId]);
  return (
    <SectionBody resource={team} name={name}>
      {(items) =>
        items.length === 0 ? (
          <p>{t('web.patient.none')}</p>
        ) : (
          <ul className="plain">
            {items.map((m) => (
              <li key={m.id}>
                <strong>{m.practitionerName ?? m.practitionerId}</strong>{' '}
                <span className="secondary">{m.role}</span>
              </li>
            ))}
          </ul>
        )
      }
    </SectionBody>
  );
}
