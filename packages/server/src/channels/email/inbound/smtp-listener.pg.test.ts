import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../../storage/testing/test-database';
import { describeSmtpListener } from './smtp-listener.contract';

if (postgresUrlFromEnv()) {
  describeSmtpListener('postgres');
} else {
  it('PostgreSQL SMTP listener contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL SMTP listener suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
