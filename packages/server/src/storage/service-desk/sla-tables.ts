/** SLA configuration tables (migration 0011); see server/src/service-desk/sla. */
export interface SlaPoliciesTable {
  organization_id: string;
  id: string;
  /** A case category code, or '*'. */
  category: string;
  /** A CasePriority, or '*'. */
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
  warn_at_share: number;
  /** JSON array of SlaBreachAction. */
  on_breach: string;
  updated_at: string;
}

export interface BusinessCalendarsTable {
  organization_id: string;
  /** Null: the organization's default calendar. */
  team_id: string | null;
  time_zone: string;
  /** JSON OpeningHours[]. */
  hours: string;
  /** JSON array of local YYYY-MM-DD dates. */
  holidays: string;
  updated_at: string;
}
