// A real SMTP server in its own process, for tests (smtp-sink.ts starts it): every message
// it accepts becomes <dir>/<n>.eml, its envelope <dir>/<n>.json, each written whole (temp
// file, then rename) before the 250. Usage: node smtp-sink-server.mjs <dir> [rejectFirst]
// With rejectFirst = N the first N messages are answered 451 (a mail server having a bad
// moment), so that senders' retries can be tested. Prints {"port":N} once listening.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const [dir, rejectArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: smtp-sink-server.mjs <dir> [rejectFirst]');
let toReject = Number(rejectArg ?? 0);
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  size: 64 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      if (toReject > 0) {
        toReject--;
        const e = new Error('Try again later');
        e.responseCode = 451;
        return callback(e);
      }
      const n = String(++count).padStart(6, '0');
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      writeFileSync(join(dir, `.${n}.json.tmp`), JSON.stringify(envelope));
      renameSync(join(dir, `.${n}.json.tmp`), join(dir, `${n}.json`));
      writeFileSync(join(dir, `.${n}.eml.tmp`), Buffer.concat(chunks));
      renameSync(join(dir, `.${n}.eml.tmp`), join(dir, `${n}.eml`));
      callback(null, `OK stored as ${n}`);
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
