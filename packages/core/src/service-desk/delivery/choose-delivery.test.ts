import { describe, expect, it } from 'vitest';
import type { PreferredChannel } from '../../patients/patient';
import { chooseDelivery, deliveryContacts, endOfQuietHours, type DeliveryFacts } from './index';
import { instantAt } from './zoned-time';

const PHONE = '+37120000001';
const EMAIL = 'anna@example.lv';
const base: DeliveryFacts = {
  preferredChannel: 'email',
  phones: [PHONE],
  emails: [EMAIL],
  quietHours: null,
  timeZone: 'Europe/Riga',
};
const NOON = new Date('2026-06-10T09:00:00Z'); // 12:00 in Riga (UTC+3 in summer)

describe('channel choice', () => {
  it.each<[PreferredChannel, Partial<DeliveryFacts>, string, string | null]>([
    ['email', {}, 'email', EMAIL],
    ['email', { emails: [] }, 'sms', PHONE],
    ['email', { emails: [], phones: [] }, 'portal', null],
    ['sms', {}, 'sms', PHONE],
    ['sms', { phones: [] }, 'email', EMAIL],
    ['phone', {}, 'sms', PHONE],
    ['phone', { phones: [] }, 'email', EMAIL],
    ['letter', {}, 'email', EMAIL],
    ['letter', { emails: [] }, 'sms', PHONE],
    ['portal', {}, 'portal', null],
    ['sms', { phones: [], emails: [] }, 'portal', null],
  ])('prefers %s %j → %s', (preferredChannel, over, channel, to) => {
    const d = chooseDelivery({ ...base, ...over, preferredChannel }, NOON);
    expect(d).toEqual({ channel, to, notBefore: NOON });
  });

  it('takes the highest-ranked current contacts; texts go to mobiles and sms entries only', () => {
    expect(
      deliveryContacts([
        { system: 'phone', value: '+15550000001', use: 'home' },
        { system: 'email', value: 'old@example.org', use: 'old', rank: 1 },
        { system: 'email', value: 'second@example.org', rank: 2 },
        { system: 'phone', value: '+15550000002', use: 'mobile' },
        { system: 'email', value: 'first@example.org', rank: 1 },
        { system: 'sms', value: '+15550000003', rank: 1 },
      ]),
    ).toEqual({
      phones: ['+15550000003', '+15550000002'],
      emails: ['first@example.org', 'second@example.org'],
    });
  });
});

describe('quiet hours', () => {
  const at = (iso: string, quietHours: DeliveryFacts['quietHours'], zone = 'Europe/Riga') =>
    endOfQuietHours(quietHours, zone, new Date(iso)).toISOString();
  const night = { start: '21:00', end: '08:00' };

  it.each<[string, string, DeliveryFacts['quietHours'], string, string]>([
    // Riga is UTC+3 in summer.
    ['before they start', '2026-06-10T17:59:00Z', night, 'Europe/Riga', '2026-06-10T17:59:00.000Z'],
    ['at the start', '2026-06-10T18:00:00Z', night, 'Europe/Riga', '2026-06-11T05:00:00.000Z'],
    ['late evening', '2026-06-10T20:30:00Z', night, 'Europe/Riga', '2026-06-11T05:00:00.000Z'],
    ['after midnight', '2026-06-10T22:30:00Z', night, 'Europe/Riga', '2026-06-11T05:00:00.000Z'],
    ['at the end', '2026-06-11T05:00:00Z', night, 'Europe/Riga', '2026-06-11T05:00:00.000Z'],
    [
      'midday quiet hours',
      '2026-06-10T09:30:00Z',
      { start: '12:00', end: '14:00' },
      'Europe/Riga',
      '2026-06-10T11:00:00.000Z',
    ],
    [
      'equal start and end mean none',
      '2026-06-10T20:30:00Z',
      { start: '08:00', end: '08:00' },
      'Europe/Riga',
      '2026-06-10T20:30:00.000Z',
    ],
    [
      'the night clocks go forward is an hour shorter',
      // 23:00 on 28 March in Riga (UTC+2); 08:00 on 29 March is UTC+3.
      '2026-03-28T21:00:00Z',
      night,
      'Europe/Riga',
      '2026-03-29T05:00:00.000Z',
    ],
    [
      'the night clocks go back is an hour longer',
      // 22:00 on 24 October in Riga (UTC+3); 08:00 on 25 October is UTC+2.
      '2026-10-24T19:00:00Z',
      night,
      'Europe/Riga',
      '2026-10-25T06:00:00.000Z',
    ],
    [
      'an end inside the spring-forward gap ends when the gap does',
      // Riga skips 03:00–04:00 on 29 March 2026; quiet until 03:30 ends at 04:00 (01:00Z).
      '2026-03-28T22:30:00Z',
      { start: '00:00', end: '03:30' },
      'Europe/Riga',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'an end in the repeated autumn hour takes its first occurrence',
      // New York repeats 01:00–02:00 on 1 November 2026; 01:30 EDT is 05:30Z.
      '2026-11-01T04:00:00Z',
      { start: '23:00', end: '01:30' },
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      'a zone east of UTC across the date line',
      // 21:30 on 10 June in Auckland (UTC+12) is 09:30Z.
      '2026-06-10T09:30:00Z',
      night,
      'Pacific/Auckland',
      '2026-06-10T20:00:00.000Z',
    ],
    [
      'a half-hour zone',
      // 22:00 in Kolkata (UTC+5:30) is 16:30Z; 08:00 next day is 02:30Z.
      '2026-06-10T16:30:00Z',
      night,
      'Asia/Kolkata',
      '2026-06-11T02:30:00.000Z',
    ],
  ])('%s', (_name, now, quietHours, zone, expected) => {
    expect(at(now, quietHours, zone)).toBe(expected);
  });

  it('holds e-mail and SMS until the quiet hours end, but not the portal', () => {
    const late = new Date('2026-06-10T20:30:00Z');
    const facts = { ...base, quietHours: { ...night, timeZone: 'Europe/Riga' }, timeZone: 'UTC' };
    expect(chooseDelivery(facts, late).notBefore.toISOString()).toBe('2026-06-11T05:00:00.000Z');
    expect(
      chooseDelivery({ ...facts, preferredChannel: 'sms' }, late).notBefore.toISOString(),
    ).toBe('2026-06-11T05:00:00.000Z');
    expect(chooseDelivery({ ...facts, preferredChannel: 'portal' }, late).notBefore).toEqual(late);
  });

  it('uses the patient time zone when the quiet hours carry none', () => {
    // 20:30Z is 23:30 in Riga but 16:30 in New York.
    const late = new Date('2026-06-10T20:30:00Z');
    const quietHours = { start: '21:00', end: '08:00' };
    expect(chooseDelivery({ ...base, quietHours }, late).notBefore.toISOString()).toBe(
      '2026-06-11T05:00:00.000Z',
    );
    expect(
      chooseDelivery({ ...base, quietHours, timeZone: 'America/New_York' }, late).notBefore,
    ).toEqual(late);
  });

  it('resolves every minute of a DST day to an instant showing that wall time, or just after', () => {
    for (const zone of ['Europe/Riga', 'America/New_York', 'Australia/Lord_Howe']) {
      for (const day of [8, 29]) {
        for (let m = 0; m < 1440; m += 7) {
          const t = instantAt({ year: 2026, month: 3, day }, m, zone);
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hourCycle: 'h23',
            hour: '2-digit',
            minute: '2-digit',
          }).format(t);
          const [h, mm] = local.split(':').map(Number);
          const shown = (h ?? 0) * 60 + (mm ?? 0);
          expect(shown >= m, `${zone} 2026-03-${day} ${m}`).toBe(true);
          expect(shown - m, `${zone} 2026-03-${day} ${m}`).toBeLessThanOrEqual(60);
        }
      }
    }
  });
});
