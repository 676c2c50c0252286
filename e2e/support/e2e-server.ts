import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { StaffRole } from '@caredesk/core';
import { openStandalone } from '@caredesk/server/cli/standalone';
import { loadAuditKey } from '@caredesk/server/audit/audit-key';
import { loadConfig } from '@caredesk/server/config/config';
import { openLink, type SealedLinkPayload } from '@caredesk/server/identity/outbox-links';
import { SecretBox } from '@caredesk/server/identity/secret-box';
import { issueTokenWith } from '@caredesk/server/testing/api-token';
import { systemClock } from '@caredesk/server/main/create-caredesk';
import {
  freePort,
  killHard,
  startServerProcess,
  type ServerProcess,
} from '@caredesk/server/testing/server-process';

export interface E2eAccount {
  email: string;
  password: string;
  displayName: string;
}

export interface E2eServer {
  baseUrl: string;
  /** The server's inbound SMTP listener (127.0.0.1), for mail sent to CareDesk. */
  inboundMailPort: number;
  /** The server's HL7 v2 MLLP listener (127.0.0.1), for messages an interface engine sends. */
  mllpPort: number;
  staff: E2eAccount;
  patient: E2eAccount;
  /** A demo patient's family name, to search for. */
  familyName: string;
  /** A demo patient with encounters, conditions and medications on file. */
  clinicalPatient: { id: string; family: string };
  /** Opens the portal patient's record through the API as a connected system (an API token). */
  readPatientAsIntegration(): Promise<void>;
  /** A nurse: may break the glass. */
  nurse: E2eAccount;
  /** A privacy officer: reviews every emergency access. */
  privacyOfficer: E2eAccount;
  /** The administrator: manages accounts, roles and teams (no patient data). */
  admin: E2eAccount;
  /** A supervisor: merges duplicate records (patient.merge) and manages teams. */
  supervisor: E2eAccount;
  /**
   * Two records of one person entered twice (same birth date and phone, the name spelt
   * two ways), created through the API, which flags them; ids in creation order.
   */
  createDuplicatePair(family: string): Promise<[string, string]>;
  /** Changes a record through the API, as a colleague would while a reviewer looks at it. */
  changePatient(id: string): Promise<void>;
  /** Marks another demo patient restricted (a VIP): outside a nurse's ordinary reach. */
  restrictAnotherPatient(): Promise<{ id: string; family: string }>;
  /** Records a daughter as the portal patient's caregiver, consented to see appointments and medications. */
  addCaregiver(): Promise<void>;
  /** An invited staff member's link, path and fragment only (the e-mail is not sent here). */
  invitationPath: string;
  /** The newest e-mailed link of a kind ('email.password-reset'), path and fragment only. */
  latestLinkPath(kind: string): Promise<string>;
  /** A portal account (in English) for another demo patient: a second person a caregiver helps. */
  addPortalPatient(): Promise<E2eAccount & { patientId: string }>;
  stop(): Promise<void>;
}

const PASSWORD = 'Quiet harbour lanterns at dusk 7';

const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
};

/** What the mailer would send: the newest sealed link of a kind, opened with the installation's key. */
async function latestLinkPath(dataDir: string, kind: string): Promise<string> {
  const config = loadConfig({}, { logLevel: 'silent', dataDir, databaseUrl: undefined });
  const cd = await openStandalone(config, systemClock);
  try {
    const job = await cd.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!job) throw new Error(`no ${kind} in the outbox`);
    const box = new SecretBox(loadAuditKey(config));
    return pathOf(openLink(box, kind, JSON.parse(job.payload) as SealedLinkPayload));
  } finally {
    await cd.close();
  }
}

/** Provisions a portal account for the third demo patient by name, beside the running server. */
async function addPortalPatient(dataDir: string): Promise<E2eAccount & { patientId: string }> {
  const config = loadConfig({}, { logLevel: 'silent', dataDir, databaseUrl: undefined });
  const cd = await openStandalone(config, systemClock);
  try {
    const row = (
      await sql<{ id: string }>`
        SELECT id FROM patients WHERE merged_into IS NULL ORDER BY sort_name LIMIT 1 OFFSET 2
      `.execute(cd.database.db)
    ).rows[0];
    if (!row) throw new Error('the demo has fewer than three patients');
    const who = {
      email: 'e2e-patient-two@mail.example',
      password: PASSWORD,
      displayName: 'Poul Portal',
    };
    await cd.identity.accounts.provision(
      {
        organizationId: cd.organizationId,
        kind: 'patient',
        email: who.email,
        displayName: who.displayName,
        patientId: row.id,
        preferredLanguage: 'en',
      },
      PASSWORD,
    );
    return { ...who, patientId: row.id };
  } finally {
    await cd.close();
  }
}

/** A port the server printed in its start-up banner (SMTP, MLLP). */
async function announcedPort(server: ServerProcess, what: string, line: RegExp): Promise<number> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const port = line.exec(server.output())?.[1];
    if (port) return Number(port);
    if (Date.now() > deadline) throw new Error(`no ${what} port announced:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A real `caredesk serve` on its own data directory with the demo data (the same
 * start-up as `npm start`), plus a staff member and a patient with a portal account.
 * `env` adds settings, e.g. SMTP_URL for a test SMTP server that outbound mail goes to.
 */
export async function startE2eServer(
  options: { env?: Record<string, string> } = {},
): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-e2e-'));
  // INBOUND_MAIL_PORT and MLLP_PORT stay 0: the server binds ports of its own and announces
  // them, so servers started side by side never race for one picked in advance.
  const env = { CAREDESK_DATA_DIR: dataDir, DATABASE_URL: '', ...options.env };
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(env, await freePort(), ['--demo-if-empty']);
    const inboundMailPort = await announcedPort(
      server,
      'inbound mail',
      /Inbound mail: +smtp:\/\/[^:\s]+:(\d+)/,
    );
    const mllpPort = await announcedPort(server, 'MLLP', /HL7 over MLLP:\s+mllps?:\/\/\S+:(\d+)/);
    const cd = await openStandalone(
      loadConfig({}, { logLevel: 'silent', dataDir, databaseUrl: undefined }),
      systemClock,
    );
    try {
      const row = await sql<{ id: string; data: string }>`
        SELECT id, data FROM patients WHERE merged_into IS NULL ORDER BY sort_name LIMIT 1
      `.execute(cd.database.db);
      const first = row.rows[0];
      if (!first) throw new Error('the demo loaded no patients');
      const doc = JSON.parse(first.data) as { names?: Array<{ family?: string }> };
      const familyName = doc.names?.[0]?.family ?? '';
      const staffMember = async (email: string, displayName: string, role: StaffRole) => {
        const who = { email, password: PASSWORD, displayName };
        const account = await cd.identity.accounts.provision(
          { organizationId: cd.organizationId, kind: 'staff', email, displayName, roles: [role] },
          PASSWORD,
        );
        return { who, account };
      };
      const staff = (await staffMember('e2e-agent@clinic.example', 'Ada Front', 'agent')).who;
      const patient = {
        email: 'e2e-patient@mail.example',
        password: PASSWORD,
        displayName: 'Pat Portal',
      };
      await cd.identity.accounts.provision(
        {
          organizationId: cd.organizationId,
          kind: 'patient',
          email: patient.email,
          displayName: patient.displayName,
          patientId: first.id,
          preferredLanguage: 'es',
        },
        patient.password,
      );
      const { account: admin, who: adminWho } = await staffMember(
        'e2e-admin@clinic.example',
        'Ida Admin',
        'admin',
      );
      const supervisor = (
        await staffMember('e2e-supervisor@clinic.example', 'Sven Supervisor', 'supervisor')
      ).who;
      const { invitationLink } = await cd.identity.accounts.invite(
        admin,
        {
          kind: 'staff',
          email: 'e2e-invited@clinic.example',
          displayName: 'Ivo Invited',
          roles: ['nurse'],
        },
        { sourceAddress: null, userAgent: null },
      );
      const nurse = (await staffMember('e2e-nurse@clinic.example', 'Nina Nurse', 'nurse')).who;
      const privacyOfficer = (
        await staffMember('e2e-privacy@clinic.example', 'Pia Privacy', 'privacy-officer')
      ).who;
      // One integration token for the helpers below, issued here on the open database.
      const token = await issueTokenWith(cd.identity, cd.organizationId, [
        'patient.read',
        'patient.restrict',
        'relations.manage',
        'consent.manage',
        'patient.create',
        'patient.update',
      ]);
      const second = (
        await sql<{ id: string; data: string }>`
          SELECT id, data FROM patients WHERE merged_into IS NULL ORDER BY sort_name LIMIT 1 OFFSET 1
        `.execute(cd.database.db)
      ).rows[0]!;
      const clinical = (
        await sql<{ id: string; data: string }>`
          SELECT id, data FROM patients p WHERE merged_into IS NULL
            AND EXISTS (SELECT 1 FROM encounters e WHERE e.patient_id = p.id)
            AND EXISTS (SELECT 1 FROM conditions c WHERE c.patient_id = p.id)
            AND EXISTS (SELECT 1 FROM medication_requests m WHERE m.patient_id = p.id)
          ORDER BY sort_name LIMIT 1
        `.execute(cd.database.db)
      ).rows[0];
      if (!clinical) throw new Error('no demo patient has encounters, conditions and medications');
      const running = server;
      const asIntegration = async (method: string, path: string, body?: object) => {
        const res = await fetch(`${running.baseUrl}/api/patients${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        if (!res.ok)
          throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as Record<string, unknown> & { id: string };
      };
      let pairs = 0;
      return {
        nurse,
        privacyOfficer,
        admin: adminWho,
        supervisor,
        createDuplicatePair: async (family) => {
          const pair = ++pairs;
          const ids: string[] = [];
          for (const [n, given] of ['Marta', 'Mārta'].entries()) {
            const created = await asIntegration('POST', '', {
              names: [{ given: [given], family }],
              // A birth date of the pair's own, so that pairs are not flagged against each other.
              birthDate: `1961-07-${String(10 + pair)}`,
              administrativeSex: 'female',
              identifiers: [{ system: 'urn:e2e:mrn', value: `E2E-${pair}-${n + 1}`, type: 'MR' }],
              telecom: [{ system: 'phone', value: `+3712${String(pair).padStart(7, '0')}` }],
            });
            ids.push(created.id);
          }
          return ids as [string, string];
        },
        changePatient: async (id) => {
          const {
            id: _i,
            organizationId: _o,
            mergedInto: _m,
            createdAt: _c,
            updatedAt: _u,
            ...body
          } = await asIntegration('GET', `/${id}`);
          await asIntegration('PUT', `/${id}`, { ...body, preferredChannel: 'letter' });
        },
        restrictAnotherPatient: async () => {
          const res = await fetch(`${running.baseUrl}/api/patients/${second.id}/restricted`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ restricted: true }),
          });
          if (res.status !== 204)
            throw new Error(`restrict answered ${res.status}: ${await res.text()}`);
          const doc = JSON.parse(second.data) as { names?: Array<{ family?: string }> };
          return { id: second.id, family: doc.names?.[0]?.family ?? '' };
        },
        baseUrl: running.baseUrl,
        inboundMailPort,
        mllpPort,
        staff,
        patient,
        familyName,
        clinicalPatient: {
          id: clinical.id,
          family:
            (JSON.parse(clinical.data) as { names?: Array<{ family?: string }> }).names?.[0]
              ?.family ?? '',
        },
        invitationPath: pathOf(invitationLink),
        addCaregiver: async () => {
          const post = async (path: string, body: object) => {
            const res = await fetch(`${running.baseUrl}/api/patients/${first.id}${path}`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            if (res.status !== 201)
              throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
            return (await res.json()) as { id: string };
          };
          const daughter = await post('/related-persons', {
            names: [{ given: ['Liv'], family: familyName }],
            relationship: 'DAU',
            isCaregiver: true,
          });
          await post('/consents', {
            relatedPersonId: daughter.id,
            permit: ['appointments', 'medications'],
            periodStart: new Date(Date.now() - 60_000).toISOString(),
            periodEnd: '2099-12-31T00:00:00.000Z',
          });
        },
        readPatientAsIntegration: async () => {
          const res = await fetch(`${running.baseUrl}/api/patients/${first.id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (res.status !== 200) throw new Error(`integration read answered ${res.status}`);
        },
        latestLinkPath: (kind) => latestLinkPath(dataDir, kind),
        addPortalPatient: () => addPortalPatient(dataDir),
        stop: async () => {
          await killHard(running);
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    } finally {
      await cd.close();
    }
  } catch (e) {
    if (server) await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
