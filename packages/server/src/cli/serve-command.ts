import { mllpBannerLine } from '../channels/mllp/mllp-listener-for';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { describeConfig, loadConfig } from '../config/config';
import { DEMO_LOGINS_FILE, loadDemo } from '../demo/load-demo';
import { createCareDesk, systemClock } from '../main/create-caredesk';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the CareDesk server (migrates the database first).')
    .option(
      '--demo-if-empty',
      'load the demo organization, staff and patients when the database has no patients',
    )
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(async (opts: { demoIfEmpty?: boolean; port?: string }) => {
      const started = process.hrtime.bigint();
      const config = loadConfig(
        process.env,
        opts.port === undefined ? {} : { port: opts.port as unknown as number },
      );
      const caredesk = await createCareDesk(config);
      const { app, database, organizationId } = caredesk;
      if (opts.demoIfEmpty) {
        const any = await sql<{ id: string }>`SELECT id FROM patients LIMIT 1`.execute(database.db);
        if (any.rows.length === 0) {
          process.stdout.write('First start: loading demo data...\n');
          await loadDemo(
            database,
            organizationId,
            config.dataDir,
            { patients: 300, seed: 2026, now: systemClock.now() },
            { identity: caredesk.services.identity, audit: caredesk.services.audit },
          );
        }
      }
      const stop = async (signal: string): Promise<void> => {
        app.log.info({ signal }, 'shutting down');
        await caredesk.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      // Mail first: once the HTTP health check answers, the SMTP listener is up too.
      const mail = config.inboundMailEnabled ? await caredesk.inboundMail.listen() : null;
      const hl7 = config.mllpEnabled ? await caredesk.hl7.listener.listen() : null;
      await app.listen({ port: config.port, host: config.host });
      caredesk.jobs.start();
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const shownHost =
        config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      app.log.info(
        { config: describeConfig(config), startupMs: Math.round(ms) },
        'CareDesk started',
      );
      process.stdout.write(
        `\nCareDesk is ready at http://${shownHost}:${port}  (${database.description}, started in ${Math.round(ms)} ms)\n` +
          `  Staff console:  http://${shownHost}:${port}/console\n` +
          `  Patient portal: http://${shownHost}:${port}/portal\n` +
          (mail ? `  Inbound mail:   smtp://${config.inboundMailHost}:${mail.port}\n` : '') +
          (hl7 ? mllpBannerLine(caredesk.hl7.listener.url ?? '') : ''),
      );
      const logins = join(config.dataDir, DEMO_LOGINS_FILE);
      if (existsSync(logins)) process.stdout.write(`\n${readFileSync(logins, 'utf8')}\n`);
    });
}
