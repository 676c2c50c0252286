import { readdirSync, readFileSync } from 'node:fs';
import { corpusDir } from '@caredesk/interop/fhir-testing';
import { AuditStore } from '../../../audit/audit-store';
import { testMac } from '../../../audit/testing/audit-fixtures';
import type { Database } from '../../../storage/database';
import { Hl7Inbox } from '../../hl7-inbox';
import { adtHandlers } from '../adt-handlers';

/** The ADT files of the shared corpus (read from there, never copied into the project). */
export function corpusAdtFiles(): string[] {
  return readdirSync(corpusDir('hl7v2', '.'))
    .filter((f) => f.startsWith('ADT') && f.endsWith('.hl7'))
    .sort();
}

/**
 * A corpus message under a control id (MSH-10) of its own: one vendor's 44 samples all say
 * MSG00001, which the inbox rightly refuses to process twice (AR 205).
 */
export function corpusMessage(file: string, controlId = file): Buffer {
  const text = readFileSync(corpusDir('hl7v2', file), 'utf8');
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const msh = first.split('|');
  msh[9] = controlId;
  return Buffer.from(msh.join('|') + (end < 0 ? '' : text.slice(end)), 'utf8');
}

/**
 * A small ADT message built from segments, joined with CR as the standard says. Fields are
 * given as in the wire format; MSH is filled in.
 */
export function adt(trigger: string, controlId: string, ...segments: string[]): Buffer {
  const msh = `MSH|^~\\&|ADT|WARD^1.2.3.4^ISO|CAREDESK|CD|20261124100000+0100||ADT^${trigger}^ADT_${trigger}|${controlId}|P|2.5.1`;
  return Buffer.from([msh, ...segments].join('\r'), 'utf8');
}

export const clock = { now: () => new Date('2026-11-24T18:00:00.000Z') };

export function adtInbox(database: Database, organizationId: string): Hl7Inbox {
  return new Hl7Inbox({
    database,
    clock,
    organizationId,
    handlers: testAdtHandlers(database),
  });
}

/** The handler map with an audit store of its own over the test database. */
export function testAdtHandlers(database: Database) {
  return adtHandlers({ defaultCountry: 'US', audit: new AuditStore(database, testMac) });
}

/** A PID for a test patient: MR under the ward's OID, Latvian-speaking, a mobile phone. */
export function pid(
  mrn: string,
  opts: { family?: string; deceased?: boolean; language?: string } = {},
): string {
  const fields = [
    '1',
    '',
    `${mrn}^^^WARD&1.2.3.4&ISO^MR`,
    '',
    `${opts.family ?? 'Berzina'}^Anna`,
    '',
    '19500412',
    'F',
    '',
    '',
    'Brivibas iela 1^^Riga^^1010^LVA',
    '',
    '^PRN^CP^^371^^20000001',
    '',
    opts.language ?? 'lav',
  ];
  while (fields.length < 30) fields.push('');
  if (opts.deceased) fields[29] = 'Y';
  return `PID|${fields.join('|')}`;
}

export interface Pv1 {
  cls?: string;
  location?: string;
  visit?: string;
  admit?: string;
  discharge?: string;
  disposition?: string;
  destination?: string;
}

/** A PV1 with the fields ADT handling reads (standards brief §3) at their positions. */
export function pv1(v: Pv1): string {
  const f: string[] = Array.from({ length: 45 }, () => '');
  f[0] = '1';
  f[1] = v.cls ?? 'I';
  f[2] = v.location ?? '';
  f[6] = '1234^Ozols^Janis^^^Dr';
  f[9] = 'MED';
  f[18] = v.visit ? `${v.visit}^^^WARD&1.2.3.4&ISO^VN` : '';
  f[35] = v.disposition ?? '';
  f[36] = v.destination ?? '';
  f[43] = v.admit ?? '';
  f[44] = v.discharge ?? '';
  return `PV1|${f.join('|')}`;
}

export function evn(trigger: string, at = '202611241000+0100'): string {
  return `EVN|${trigger}|${at}`;
}
