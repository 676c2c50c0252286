import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from '../storage/database';

/**
 * CareDesk's settings: embedded defaults, then an optional JSON file
 * (CAREDESK_CONFIG), then environment variables. A bad value stops start-up with a
 * message naming the setting. Secrets are never printed (see describeConfig).
 */
export const configSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(8080),
    host: z.string().min(1).default('127.0.0.1'),
    dataDir: z.string().min(1).default('./data'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    databasePoolSize: z.coerce.number().int().min(1).max(200).default(10),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Largest JSON request body, in bytes (1 MiB). */
    bodyLimit: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /** Largest FHIR transaction bundle, in bytes (Synthea bundles run to a few MiB). */
    fhirBodyLimit: z.coerce
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .default(32 * 1024 * 1024),
    /** Public base URL, for FHIR fullUrls and links; defaults to http://host:port. */
    publicUrl: z.string().url().optional(),
    /** Default country for phone numbers written without a country code. */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code')
      .default('US'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** Environment variable → setting. */
export const ENV_SETTINGS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  CAREDESK_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  CAREDESK_DB_POOL_SIZE: 'databasePoolSize',
  LOG_LEVEL: 'logLevel',
  CAREDESK_BODY_LIMIT: 'bodyLimit',
  CAREDESK_FHIR_BODY_LIMIT: 'fhirBodyLimit',
  CAREDESK_PUBLIC_URL: 'publicUrl',
  CAREDESK_DEFAULT_COUNTRY: 'defaultCountry',
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Builds the configuration; throws ConfigError naming each bad setting. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  let fromFile: Record<string, unknown> = {};
  const file = env.CAREDESK_CONFIG;
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(resolve(file), 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(
        `CAREDESK_CONFIG (${file}): cannot read it as JSON: ${(e as Error).message}`,
      );
    }
    if (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
      throw new ConfigError(`CAREDESK_CONFIG (${file}): must hold a JSON object`);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_SETTINGS)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const parsed = configSchema.safeParse({ ...fromFile, ...fromEnv, ...overrides });
  if (!parsed.success) {
    const envName = (key: string): string =>
      Object.entries(ENV_SETTINGS).find(([, k]) => k === key)?.[0] ?? key;
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '(file)');
      const where = i.code === 'unrecognized_keys' ? `CAREDESK_CONFIG` : `${envName(key)} (${key})`;
      return `  ${where}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function databaseConfig(config: Config): DatabaseConfig {
  return config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { engine: 'sqlite', file: resolve(config.dataDir, 'caredesk.db') };
}

/** The configuration as it may be printed or logged: secrets replaced. */
export function describeConfig(config: Config): Record<string, unknown> {
  const safe: Record<string, unknown> = { ...config };
  if (config.databaseUrl) {
    try {
      const u = new URL(config.databaseUrl);
      if (u.password) u.password = '***';
      safe.databaseUrl = u.toString();
    } catch {
      safe.databaseUrl = '***';
    }
  }
  return safe;
}
