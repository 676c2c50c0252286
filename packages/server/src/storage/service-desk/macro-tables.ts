/** Kysely types of the service-desk macro tables (migration 0015). */
export interface MacrosTable {
  id: string;
  organization_id: string;
  name: string;
  /** foldForSearch(name): list order and name uniqueness. */
  sort_name: string;
  /** JSON Partial<Record<MacroLanguage, string>>. */
  names: string;
  /** JSON MacroBody[]. */
  bodies: string;
  /** JSON MacroActions. */
  actions: string;
  audience: string;
  /** 0/1. */
  active: number;
  version: number;
  /** Folded name and texts, searched with LIKE. */
  search_text: string;
  created_at: string;
  updated_at: string;
}
