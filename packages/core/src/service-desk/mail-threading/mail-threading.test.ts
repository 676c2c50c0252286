import { describe, expect, it } from 'vitest';
import {
  canonicalMessageId,
  decideThreading,
  findReplyToken,
  isReplyToken,
  referencedMessageIds,
  replyAddress,
  subjectMarker,
  tokenFromAddress,
  type MailCase,
  type ThreadingFacts,
} from './index';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz';
const OTHER = '234567abcdefghijklmnopqrst';
const DOMAIN = 'mail.riverside.example';

describe('reply tokens', () => {
  it('round-trips through the reply address and the subject marker', () => {
    expect(replyAddress(TOKEN, 'Mail.Riverside.Example')).toBe(`reply+${TOKEN}@${DOMAIN}`);
    expect(tokenFromAddress(replyAddress(TOKEN, DOMAIN), DOMAIN)).toBe(TOKEN);
    expect(findReplyToken([], `Re: Your refill ${subjectMarker(TOKEN)}`, DOMAIN)).toBe(TOKEN);
  });

  it('reads a token a mail server upper-cased, but only on our own domain', () => {
    expect(tokenFromAddress(`REPLY+${TOKEN.toUpperCase()}@MAIL.RIVERSIDE.EXAMPLE`, DOMAIN)).toBe(
      TOKEN,
    );
    expect(tokenFromAddress(`reply+${TOKEN}@evil.example`, DOMAIN)).toBeNull();
    expect(tokenFromAddress(`reply+${TOKEN}@${DOMAIN}.evil.example`, DOMAIN)).toBeNull();
    expect(tokenFromAddress(`noreply+${TOKEN}@${DOMAIN}`, DOMAIN)).toBeNull();
    expect(tokenFromAddress(`reply+${TOKEN}x@${DOMAIN}`, DOMAIN)).toBeNull();
    expect(tokenFromAddress('no-at-sign', DOMAIN)).toBeNull();
  });

  it('prefers the recipient address over a token pasted into the subject', () => {
    expect(
      findReplyToken(
        ['help@riverside.example', `reply+${TOKEN}@${DOMAIN}`],
        `[ref:${OTHER}]`,
        DOMAIN,
      ),
    ).toBe(TOKEN);
    expect(findReplyToken(['help@riverside.example'], 'Question about my bill', DOMAIN)).toBeNull();
    expect(findReplyToken([], null, DOMAIN)).toBeNull();
  });

  it('refuses to write an address for something that is not a token', () => {
    expect(isReplyToken(TOKEN)).toBe(true);
    expect(isReplyToken('short')).toBe(false);
    expect(() => replyAddress('x@y', DOMAIN)).toThrow(RangeError);
    expect(() => subjectMarker('0'.repeat(26))).toThrow(RangeError);
  });
});

describe('message ids', () => {
  it('orders In-Reply-To first, then References newest first, without duplicates', () => {
    expect(referencedMessageIds('<c@x>', '<a@x> <b@x>\r\n <c@x>')).toEqual([
      '<c@x>',
      '<b@x>',
      '<a@x>',
    ]);
    expect(referencedMessageIds(null, ['<a@x>', '<b@x>'])).toEqual(['<b@x>', '<a@x>']);
    expect(referencedMessageIds(undefined, undefined)).toEqual([]);
  });

  it('ignores text that is not an id and caps a huge References header', () => {
    expect(referencedMessageIds('garbage <no-at-sign> < a@b >', null)).toEqual([]);
    const many = Array.from({ length: 5_000 }, (_, i) => `<m${i}@x>`).join(' ');
    const ids = referencedMessageIds(null, many);
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe('<m4999@x>');
    expect(canonicalMessageId('  <Case-Sensitive@Host>  ')).toBe('<Case-Sensitive@Host>');
    expect(canonicalMessageId('')).toBeNull();
  });
});

describe('threading decision', () => {
  const patientCase: MailCase = { caseId: 'case-1', allowedSenders: ['ana@example.org'] };
  const otherCase: MailCase = { caseId: 'case-2', allowedSenders: ['bo@example.org'] };
  const facts = (over: Partial<ThreadingFacts>): ThreadingFacts => ({
    sender: 'ana@example.org',
    tokenCase: null,
    referencedCase: null,
    autoSubmitted: false,
    suspicion: null,
    ...over,
  });

  it.each<[string, Partial<ThreadingFacts>, ReturnType<typeof decideThreading>]>([
    [
      'token from the patient appends',
      { tokenCase: patientCase },
      { kind: 'append', caseId: 'case-1', senderOnFile: true },
    ],
    [
      'sender compared without case',
      { sender: 'ANA@Example.org', referencedCase: patientCase },
      { kind: 'append', caseId: 'case-1', senderOnFile: true },
    ],
    [
      'token from another address appends, flagged',
      { sender: 'ana.work@corp.example', tokenCase: patientCase },
      { kind: 'append', caseId: 'case-1', senderOnFile: false },
    ],
    [
      'the token wins over a Message-ID of another case',
      { tokenCase: patientCase, referencedCase: otherCase },
      { kind: 'append', caseId: 'case-1', senderOnFile: true },
    ],
    [
      'Message-ID match from the patient appends',
      { referencedCase: patientCase },
      { kind: 'append', caseId: 'case-1', senderOnFile: true },
    ],
    [
      'Message-ID match from a stranger opens a new quarantined case (spoof)',
      { sender: 'mallory@evil.example', referencedCase: otherCase },
      { kind: 'quarantine', reason: 'sender-not-on-case', openCase: true },
    ],
    [
      'a stale or forged token with a stranger’s Message-ID is still a spoof',
      { sender: 'ana@example.org', tokenCase: null, referencedCase: otherCase },
      { kind: 'quarantine', reason: 'sender-not-on-case', openCase: true },
    ],
    ['nothing matches: a new request', {}, { kind: 'new-case' }],
    [
      'suspicious content is held without a case, even with a token',
      { tokenCase: patientCase, suspicion: 'executable-attachment' },
      { kind: 'quarantine', reason: 'executable-attachment', openCase: false },
    ],
    [
      'no sender is held',
      { sender: null },
      { kind: 'quarantine', reason: 'no-sender', openCase: false },
    ],
    [
      'an auto-reply never opens or feeds a case',
      { autoSubmitted: true, tokenCase: patientCase },
      { kind: 'quarantine', reason: 'auto-submitted', openCase: false },
    ],
  ])('%s', (_name, over, expected) => {
    expect(decideThreading(facts(over))).toEqual(expected);
  });
});
