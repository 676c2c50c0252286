import { randomBytes } from 'node:crypto';
import { freePort, killHard, startServerProcess } from './server-process';

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  lost: string[];
  duplicates: number;
  retriedAfterCrash: number;
}

/** A name token without digits (digits would make the typeahead read it as an MRN). */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

interface Ack {
  id: string;
  key: string;
  family: string;
}

/**
 * Kills the server with SIGKILL in the middle of a write load, again and again, and
 * proves every acknowledged write is there after restart (security brief §3, G3).
 * Writers send Idempotency-Keys; requests in flight at the kill are retried after the
 * restart, and must neither be lost nor create a second record.
 */
export async function runCrashRounds(
  env: Record<string, string>,
  rounds: number,
  writers = 8,
): Promise<CrashReport> {
  const port = await freePort();
  const acks: Ack[] = [];
  const pending: Array<{ key: string; body: object }> = [];
  let retriedAfterCrash = 0;
  let counter = 0;
  const retriedFamilies: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const server = await startServerProcess(env, port);
    // Requests cut off by the previous kill are retried first, with the same key.
    for (const p of pending.splice(0)) {
      const res = await post(server.baseUrl, p.key, p.body);
      retriedAfterCrash++;
      if (res) {
        acks.push(res);
        retriedFamilies.push(res.family);
      }
    }
    let stop = false;
    const load = Array.from({ length: writers }, async () => {
      while (!stop) {
        const family = `Crash${letters(counter++)}`;
        const key = randomBytes(16).toString('hex');
        const body = { names: [{ given: ['Kim'], family }], birthDate: '1970-01-01' };
        try {
          const res = await post(server.baseUrl, key, body);
          if (res) acks.push(res);
        } catch {
          pending.push({ key, body });
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
    await killHard(server);
    stop = true;
    await Promise.all(load);
  }
  const server = await startServerProcess(env, port);
  for (const p of pending.splice(0)) {
    const res = await post(server.baseUrl, p.key, p.body);
    retriedAfterCrash++;
    if (res) {
      acks.push(res);
      retriedFamilies.push(res.family);
    }
  }
  const lost: string[] = [];
  for (const ack of acks) {
    const res = await fetch(`${server.baseUrl}/api/patients/${ack.id}`);
    const ok =
      res.ok &&
      ((await res.json()) as { names: Array<{ family: string }> }).names[0]?.family === ack.family;
    if (!ok) lost.push(ack.id);
  }
  // A retried request whose first attempt had committed must not have made a second record.
  let duplicates = 0;
  for (const family of retriedFamilies) {
    const res = await fetch(`${server.baseUrl}/api/patients?q=${family}`);
    const found = ((await res.json()) as { items: unknown[] }).items.length;
    if (found !== 1) duplicates++;
  }
  await killHard(server);
  return { rounds, acknowledged: acks.length, lost, duplicates, retriedAfterCrash };
}

async function post(baseUrl: string, key: string, body: object): Promise<Ack | null> {
  const res = await fetch(`${baseUrl}/api/patients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as { id: string; names: Array<{ family: string }> };
  return { id: created.id, key, family: created.names[0]?.family ?? '' };
}
