import { join } from 'node:path';
import { httpSmsProvider } from './http-sms-provider';
import { logSmsProvider } from './log-sms-provider';
import type { SmsProvider } from './sms-provider';

/** The provider the settings ask for: SMS_PROVIDER_URL (+ token), or files in outbox-sms. */
export function smsProviderFor(
  config: {
    smsProviderUrl?: string | undefined;
    smsProviderToken?: string | undefined;
    dataDir: string;
  },
  now: () => Date,
): SmsProvider {
  if (config.smsProviderUrl) {
    return httpSmsProvider({ url: config.smsProviderUrl, token: config.smsProviderToken });
  }
  return logSmsProvider(join(config.dataDir, 'outbox-sms'), now);
}
