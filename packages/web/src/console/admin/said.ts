import type { MessageKey } from '../../i18n/languages';

/**
 * What a change did, kept as a message key rather than text, so that it is said again in
 * the new language when the person switches language afterwards.
 */
export interface Said {
  key: MessageKey;
  values?: Record<string, string | number>;
}
