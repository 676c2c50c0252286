/**
 * The port to whoever delivers text messages (issue #5 point 4). Adapters: HTTP (a
 * provider's JSON API) and a log for development. `to` is E.164 (+37120000001).
 */
export interface SmsProvider {
  send(
    to: string,
    text: string,
    options?: {
      /** Same key, same message: a provider that honours it sends a retried request once. */
      idempotencyKey?: string;
    },
  ): Promise<{ providerId: string }>;
  /** For logs; never shows a token. */
  readonly description: string;
}

/** A provider refused or failed a message; says nothing of its text or the token. */
export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the provider answered at all. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}
