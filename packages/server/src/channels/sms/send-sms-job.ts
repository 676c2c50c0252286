import { z } from 'zod';
import type { JobHandler } from '../../jobs';
import type { SmsProvider } from './sms-provider';

/** Job kind: send one text message. Payload: SendSmsPayload. */
export const SEND_SMS = 'sms.send';

export const sendSmsPayload = z
  .object({
    /** E.164 (ITU-T E.164: + and at most 15 digits). */
    to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number'),
    /** Up to 10 concatenated segments of 160 GSM characters. */
    text: z.string().min(1).max(1600),
  })
  .strict();

export type SendSmsPayload = z.infer<typeof sendSmsPayload>;

/**
 * The `sms.send` job. The idempotency key is the job's own, so a retry after a lost
 * answer is recognised by a provider that honours the header. Throws on failure: the
 * runner retries with backoff and finally dead-letters the job.
 */
export function sendSmsJob(provider: SmsProvider): JobHandler {
  return async (payload, ctx) => {
    const p = sendSmsPayload.parse(payload);
    await provider.send(p.to, p.text, { idempotencyKey: `${SEND_SMS}:${ctx.jobId}` });
  };
}
