import type { ComponentType } from 'react';
import { DATA_CATEGORIES, type DataCategory } from '@caredesk/core/consent';
import { useT } from '../../i18n/i18n-provider';
import type { HelpedPerson } from './helping-api';
import { HelpingSection } from './helping-section';
import { BillingSection } from './sections/billing-section';
import { CareTeamSection } from './sections/care-team-section';
import { ProfileSection } from './sections/profile-section';
import type { SectionProps } from './sections/section-props';

/**
 * The view of each data category a caregiver may be shown. A category whose data has a
 * read API gets one small component here; the others say, when shared, that there is
 * nothing to show yet. Adding appointments or medications is one component and one line.
 */
const VIEWS: Partial<Record<DataCategory, ComponentType<SectionProps>>> = {
  profile: ProfileSection,
  billing: BillingSection,
  'care-plans': CareTeamSection,
};

/**
 * Every category: first the shared ones with their data, then the others, each saying
 * plainly that this person has not shared it. Nothing is ever asked of the server for a
 * category that is not shared (and the server would answer 404).
 */
export function SharedSections({ person }: { person: HelpedPerson }) {
  const t = useT();
  const isShared = (c: DataCategory) => person.categories.includes(c);
  const ordered = [
    ...DATA_CATEGORIES.filter(isShared),
    ...DATA_CATEGORIES.filter((c) => !isShared(c)),
  ];
  return (
    <>
      {ordered.map((category) => {
        const shared = isShared(category);
        const View = VIEWS[category];
        return (
          <HelpingSection key={category} category={category} shared={shared}>
            {!shared && <p>{t('web.helping.not-shared', { name: person.name })}</p>}
            {shared && View && <View patientId={person.patientId} name={person.name} />}
            {shared && !View && <p>{t('web.helping.nothing-yet')}</p>}
          </HelpingSection>
        );
      })}
    </>
  );
}
