import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from './test-database';

/**
 * Runs a suite against PostgreSQL when DATABASE_URL names one (CI always does); else one
 * test says the suite was skipped and how to run it, so a missing server is visible in the
 * report rather than silently green.
 */
export function onPostgres(suite: string, run: () => void): void {
  if (postgresUrlFromEnv()) {
    run();
    return;
  }
  it(`PostgreSQL ${suite} skipped: DATABASE_URL is not set`, () => {
    console.warn(
      `PostgreSQL ${suite} suite skipped: set DATABASE_URL=postgres://... to run it (CI does).`,
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
