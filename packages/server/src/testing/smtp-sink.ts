import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';

const SERVER = fileURLToPath(new URL('./smtp-sink-server.mjs', import.meta.url));

/** A message the sink received: parsed, with its SMTP envelope and exact bytes. */
export type SinkMail = ParsedMail & {
  envelope: { from: string; to: string[] };
  raw: Buffer;
};

export interface SmtpSink {
  /** On 127.0.0.1; point SMTP_URL at `smtp://127.0.0.1:${port}`. */
  port: number;
  /** Every message received so far, oldest first. */
  messages(): Promise<SinkMail[]>;
  /** The first message matching `pred`, waiting up to `ms` for it to arrive. */
  waitFor(pred: (mail: SinkMail) => boolean, ms?: number): Promise<SinkMail>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server in a child process (smtp-sink-server.mjs) that keeps what it receives
 * as .eml files in a temp directory, for tests of outbound mail: CareDesk's own senders,
 * and browser tests that check "the e-mail copy arrives". `rejectFirst` answers the first
 * N messages 451 to exercise retries.
 */
export async function startSmtpSink(options: { rejectFirst?: number } = {}): Promise<SmtpSink> {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-smtp-sink-'));
  const child = spawn(process.execPath, [SERVER, dir, String(options.rejectFirst ?? 0)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`SMTP sink did not start: ${stderr}`)), 15_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`SMTP sink exited with ${code}: ${stderr}`));
    });
  });

  const messages = async (): Promise<SinkMail[]> => {
    const files = readdirSync(dir)
      .filter((f) => /^\d+\.eml$/.test(f))
      .sort();
    return Promise.all(
      files.map(async (f) => {
        const raw = readFileSync(join(dir, f));
        const envelope = JSON.parse(
          readFileSync(join(dir, f.replace(/\.eml$/, '.json')), 'utf8'),
        ) as SinkMail['envelope'];
        return Object.assign(await simpleParser(raw), { envelope, raw });
      }),
    );
  };

  return {
    port,
    messages,
    waitFor: async (pred, ms = 10_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const all = await messages();
        const found = all.find(pred);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = all.map((m) => m.subject ?? '(no subject)').join(', ') || 'none';
          throw new Error(`no matching message within ${ms} ms; received: ${seen}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
