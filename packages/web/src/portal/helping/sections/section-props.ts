/** What every shared-section view gets: whose record, and their name for messages. */
export interface SectionProps {
  patientId: string;
  name: string;
}
