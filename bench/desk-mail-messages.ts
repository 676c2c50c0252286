import { hashInts, Rng } from '@caredesk/server/demo/random';
import { CREATE_CATEGORIES } from './desk-samples';
import { categoryText, patientFollowUp, staffReply, type DeskLanguage } from './desk-text';

/** A seeded case a patient answers by e-mail, from their address on file. */
export interface ReplyTarget {
  token: string;
  subject: string;
  language: DeskLanguage;
  from: string;
}

/** A seeded patient's e-mail address, for requests that open a case. */
export interface PatientSender {
  email: string;
  language: DeskLanguage;
}

/** What the inbound workload sends: sampled from the seeded desk (desk-mail.ts). */
export interface MailMix {
  /** The server's MAIL_DOMAIN: reply addresses are reply+<token>@ it. */
  mailDomain: string;
  /** Makes every run's messages (and so their digests) new to the database. */
  runId: string;
  seed: number;
  replies: readonly ReplyTarget[];
  patients: readonly PatientSender[];
}

export type InboundKind = 'reply' | 'new';

export interface InboundMessage {
  kind: InboundKind;
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** Half the mail answers a case, as a desk's inbound mail mostly does once cases are open. */
export const REPLY_SHARE = 0.5;
/** New requests from addresses on no patient: people not (yet) known to the organization. */
export const STRANGER_SHARE = 0.1;

/**
 * A header value as a mail client writes it: ASCII as is, anything else as RFC 2047
 * encoded-words of at most 45 UTF-8 bytes each (60 base64 characters, so every word stays
 * under the 75-character limit), folded onto continuation lines.
 */
export function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body: plain UTF-8 text, or (about half of mail clients' default) text and HTML. */
function body(text: string, html: boolean, boundary: string): string[] {
  if (!html) {
    return [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...text.split('\n'),
    ];
  }
  const paragraphs = text
    .split('\n\n')
    .map((p) =>
      p.startsWith('> ')
        ? `<blockquote>${escapeHtml(p.replace(/^> /gm, ''))}</blockquote>`
        : `<p>${escapeHtml(p)}</p>`,
    );
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...text.split('\n'),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `<html><body>${paragraphs.join('')}</body></html>`,
    `--${boundary}--`,
  ];
}

/**
 * Inbound message number `n` of a run, the same for the same mix and `n` whichever
 * connection sends it: a patient's reply to their case (to its reply address, with the
 * subject's [ref:] tag and the quoted answer) or a new request (to the help address, from a
 * patient's address on file or, for STRANGER_SHARE of them, from an unknown one).
 */
export function inboundMessage(mix: MailMix, n: number, now: Date): InboundMessage {
  const r = new Rng(hashInts(mix.seed, n));
  const reply = mix.replies.length > 0 && (mix.patients.length === 0 || r.chance(REPLY_SHARE));
  const id = `<${mix.runId}.${n}@mail.patient.example>`;
  let kind: InboundKind;
  let from: string;
  let to: string;
  let subject: string;
  let text: string;
  const threading: string[] = [];
  if (reply) {
    const target = r.pick(mix.replies);
    kind = 'reply';
    from = target.from;
    to = `reply+${target.token}@${mix.mailDomain}`;
    subject = `Re: ${target.subject} [ref:${target.token}]`;
    const quoted = staffReply(target.language, r.int(0, 99)).replace(/^/gm, '> ');
    text = `${patientFollowUp(target.language, r.int(0, 99))}\n\n${quoted}`;
    const ours = `<${target.token}.${r.int(1, 9)}@${mix.mailDomain}>`;
    threading.push(`In-Reply-To: ${ours}`, `References: ${ours}`);
  } else {
    kind = 'new';
    const patient =
      mix.patients.length > 0 && !r.chance(STRANGER_SHARE) ? r.pick(mix.patients) : null;
    const language = patient?.language ?? 'en';
    const ask = categoryText(r.weighted(CREATE_CATEGORIES), language);
    from = patient?.email ?? `writer.${mix.runId}.${n}@mail.example.net`;
    to = `help@${mix.mailDomain}`;
    subject = ask.subject;
    text = ask.ask;
  }
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: ${id}`,
    ...threading,
    'MIME-Version: 1.0',
    ...body(text, r.chance(0.5), `b-${mix.runId}-${n}`),
    '',
  ];
  return {
    kind,
    envelope: { from, to: [to] },
    raw: Buffer.from(lines.join('\r\n'), 'utf8'),
  };
}
