import type { ContactPoint, PreferredChannel } from '../../patients/patient';
import { instantAt, nextDay, wallTime } from './zoned-time';

/**
 * How a reply or notice reaches a patient (issue #5 point 4): the channel they prefer when
 * we hold an address for it, otherwise the next best, and never during their quiet hours.
 */

export type DeliveryChannel = 'email' | 'sms' | 'portal';

export interface DeliveryFacts {
  preferredChannel: PreferredChannel;
  /** E.164 numbers that take text messages, most preferred first. */
  phones: readonly string[];
  /** E-mail addresses, most preferred first. */
  emails: readonly string[];
  /**
   * Local wall-clock hours (HH:MM) in which no outreach is sent; `end` before `start` spans
   * midnight, equal times mean none. A zone given here wins over `timeZone`.
   */
  quietHours: { start: string; end: string; timeZone?: string } | null;
  /** The patient's IANA time zone, for quiet hours without a zone of their own. */
  timeZone: string;
}

export interface Delivery {
  channel: DeliveryChannel;
  /** The address or E.164 number; null for the portal (the message waits there). */
  to: string | null;
  /** Send at or after this instant: now, or the end of the quiet hours in progress. */
  notBefore: Date;
}

/**
 * Fallback order per preference. A patient who prefers the phone gets a text to it before
 * an e-mail (nobody can place the call for us); one who prefers letters gets e-mail, the
 * least intrusive electronic channel, before a text. The portal always works: a message
 * posted there is read when they next sign in.
 */
const FALLBACKS: Record<PreferredChannel, readonly DeliveryChannel[]> = {
  email: ['email', 'sms', 'portal'],
  sms: ['sms', 'email', 'portal'],
  phone: ['sms', 'email', 'portal'],
  letter: ['email', 'sms', 'portal'],
  portal: ['portal'],
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * When the quiet period that `now` falls in ends, or `now` when it falls in none. Quiet
 * hours apply to e-mail as well as SMS: the patient record defines them as hours "during
 * which no outreach is sent", and a mail notification buzzes the same phone.
 */
export function endOfQuietHours(
  quietHours: DeliveryFacts['quietHours'],
  timeZone: string,
  now: Date,
): Date {
  if (!quietHours) return now;
  const start = minutes(quietHours.start);
  const end = minutes(quietHours.end);
  if (start === null || end === null || start === end) return now;
  const zone = quietHours.timeZone ?? timeZone;
  const local = wallTime(now, zone);
  const t = local.minuteOfDay;
  const crossesMidnight = end < start;
  const quiet = crossesMidnight ? t >= start || t < end : t >= start && t < end;
  if (!quiet) return now;
  // Spanning midnight and already past the start: the quiet hours end tomorrow.
  const endDate = crossesMidnight && t >= start ? nextDay(local) : local;
  const until = instantAt(endDate, end, zone);
  return until.getTime() > now.getTime() ? until : now;
}

export function chooseDelivery(facts: DeliveryFacts, now: Date): Delivery {
  for (const channel of FALLBACKS[facts.preferredChannel]) {
    const to =
      channel === 'email' ? facts.emails[0] : channel === 'sms' ? facts.phones[0] : undefined;
    if (channel === 'portal') return { channel, to: null, notBefore: now };
    if (to !== undefined) {
      return {
        channel,
        to,
        notBefore: endOfQuietHours(facts.quietHours, facts.timeZone, now),
      };
    }
  }
  return { channel: 'portal', to: null, notBefore: now };
}

/**
 * The phones and e-mails of a patient's telecom list, most preferred first (FHIR
 * ContactPoint.rank: 1 is highest, unranked last), leaving out contacts marked `old`.
 * Text messages go to `sms` entries and to mobile `phone` numbers only.
 */
export function deliveryContacts(telecom: readonly ContactPoint[]): {
  phones: string[];
  emails: string[];
} {
  const current = telecom
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.use !== 'old')
    .sort((a, b) => (a.c.rank ?? Infinity) - (b.c.rank ?? Infinity) || a.i - b.i)
    .map(({ c }) => c);
  return {
    phones: current
      .filter((c) => c.system === 'sms' || (c.system === 'phone' && c.use === 'mobile'))
      .map((c) => c.value),
    emails: current.filter((c) => c.system === 'email').map((c) => c.value),
  };
}
