import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SmsProvider } from './sms-provider';

/**
 * Development without an SMS provider: each text becomes a JSON file in `dir`, named by its
 * idempotency key when it has one (a retried job overwrites its own file).
 */
export function logSmsProvider(dir: string, now: () => Date): SmsProvider {
  return {
    description: `files in ${dir}`,
    send: (to, text, options = {}) => {
      const providerId = `log-${randomUUID()}`;
      const name = (options.idempotencyKey ?? providerId).replace(/[^A-Za-z0-9._-]/g, '_');
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
      writeFileSync(temp, JSON.stringify({ to, text, at: now().toISOString(), providerId }));
      renameSync(temp, join(dir, `${name}.json`));
      return Promise.resolve({ providerId });
    },
  };
}
