import { SmsDeliveryError, type SmsProvider } from './sms-provider';

export interface HttpSmsOptions {
  /** The provider's endpoint; receives POST {"to","text"} as JSON. */
  url: string;
  /** Sent as `Authorization: Bearer …`; never logged, never in an error. */
  token?: string | undefined;
  /** Give up on a request after this long (default 10 s); the job retries. */
  timeoutMs?: number;
}

/**
 * SMS through a provider's HTTP API: POST JSON `{ to, text }` with a bearer token and an
 * Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header), expecting 2xx with
 * a JSON body naming the message id (`id`, `messageId` or `sid`). Anything else throws an
 * SmsDeliveryError, so the job retries with backoff.
 */
export function httpSmsProvider(options: HttpSmsOptions): SmsProvider {
  const target = new URL(options.url);
  return {
    description: `${target.origin}${target.pathname}`,
    send: async (to, text, send = {}) => {
      let res: Response;
      try {
        res = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(send.idempotencyKey ? { 'idempotency-key': send.idempotencyKey } : {}),
          },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          redirect: 'error',
        });
      } catch (e) {
        const reason = (e as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
        throw new SmsDeliveryError(`SMS provider ${reason}`, null);
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new SmsDeliveryError(`SMS provider answered ${res.status}`, res.status);
      }
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      const id = [body.id, body.messageId, body.sid].find(
        (v): v is string | number => typeof v === 'string' || typeof v === 'number',
      );
      if (id === undefined)
        throw new SmsDeliveryError('SMS provider gave no message id', res.status);
      return { providerId: String(id) };
    },
  };
}
