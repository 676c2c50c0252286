import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { redactUrl, type DatabaseConfig } from '../storage/database';

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
    /** Staff sessions end after this much inactivity (HIPAA 164.312(a)(2)(iii) automatic logoff). */
    staffIdleMinutes: z.coerce.number().int().min(1).max(480).default(15),
    patientIdleMinutes: z.coerce.number().int().min(1).max(480).default(30),
    /** No session lives longer than this, active or not. */
    sessionMaxHours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Staff must use TOTP MFA (security brief: MFA for every staff role). */
    staffMfaRequired: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .transform((v) => v === true || v === 'true')
      .default(true),
    /** How long a break-the-glass grant lasts (at most 4 hours). */
    breakGlassMinutes: z.coerce.number().int().min(5).max(240).default(240),
    /** Login attempts allowed per client address per minute. */
    loginRateLimitPerMinute: z.coerce.number().int().min(1).max(10_000).default(30),
    /** A patient's reply this many days after their case was resolved reopens it; later, it opens a new case. */
    caseReopenDays: z.coerce.number().int().min(0).max(365).default(7),
    /** Secret keying the audit hash chain; by default a random key kept in the data directory. */
    auditKey: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Whether `caredesk serve` listens for inbound e-mail (issue #5 point 4). */
    inboundMailEnabled: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .transform((v) => v === true || v === 'true')
      .default(true),
    /** SMTP port for inbound e-mail; 0 picks a free port (tests). */
    inboundMailPort: z.coerce.number().int().min(0).max(65535).default(2525),
    inboundMailHost: z.string().min(1).default('127.0.0.1'),
    /** Largest inbound message in bytes (25 MiB); larger ones are refused with 552. */
    inboundMailMaxBytes: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(256 * 1024 * 1024)
      .default(25 * 1024 * 1024),
    /**
     * Domain of reply addresses (reply+token@…) and Message-IDs; by default the host of
     * publicUrl, or caredesk.localhost.
     */
    mailDomain: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i,
        'must be a domain name',
      )
      .optional(),
    /** Outbound SMTP server, smtp:// or smtps://; unset: messages are written as .eml files. */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** From header of outbound e-mail; default `CareDesk <no-reply@mailDomain>`. */
    mailFrom: z.string().min(3).max(320).optional(),
    /** HTTP endpoint of the SMS provider; unset: messages are logged to the outbox folder. */
    smsProviderUrl: z.string().url().optional(),
    /** Bearer token for the SMS provider (secret). */
    smsProviderToken: z.string().min(1).optional(),
    /** Whether `caredesk serve` listens for HL7 v2 over MLLP (issue #6 point 1). */
    mllpEnabled: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .transform((v) => v === true || v === 'true')
      .default(true),
    mllpHost: z.string().min(1).default('127.0.0.1'),
    /** 2575 is the IANA-registered port for HL7 over MLLP; 0 picks a free port (tests). */
    mllpPort: z.coerce.number().int().min(0).max(65535).default(2575),
    /** PEM certificate (chain) for MLLP over TLS; with mllpTlsKey, or neither for plain TCP. */
    mllpTlsCert: z.string().min(1).optional(),
    /** PEM private key for MLLP over TLS. */
    mllpTlsKey: z.string().min(1).optional(),
    /**
     * Largest HL7 message in bytes (1 MiB). ADT messages are a few KiB, so this is ample
     * headroom, and it bounds what the listener buffers at mllpMaxConnections × this.
     * Feeds carrying embedded documents (base64 in OBX-5) need more.
     */
    mllpMaxFrameBytes: z.coerce
      .number()
      .int()
      .min(4 * 1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /** Concurrent MLLP connections; interface engines keep a handful open, not hundreds. */
    mllpMaxConnections: z.coerce.number().int().min(1).max(10_000).default(100),
    /** A connection silent this long is closed (senders reconnect when they next have a message). */
    mllpIdleTimeoutSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
    /** A message (or TLS handshake) not complete this long after it began: the connection is closed. */
    mllpFrameTimeoutSeconds: z.coerce.number().int().min(1).max(3_600).default(30),
  })
  .strict()
  // TLS needs both files; one without the other is a mistake, not a request for plain TCP.
  .superRefine((c, ctx) => {
    if (Boolean(c.mllpTlsCert) !== Boolean(c.mllpTlsKey)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.mllpTlsCert ? 'mllpTlsKey' : 'mllpTlsCert'],
        message: 'set MLLP_TLS_CERT and MLLP_TLS_KEY together',
      });
    }
  });

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
  CAREDESK_STAFF_IDLE_MINUTES: 'staffIdleMinutes',
  CAREDESK_PATIENT_IDLE_MINUTES: 'patientIdleMinutes',
  CAREDESK_SESSION_MAX_HOURS: 'sessionMaxHours',
  CAREDESK_STAFF_MFA_REQUIRED: 'staffMfaRequired',
  CAREDESK_BREAK_GLASS_MINUTES: 'breakGlassMinutes',
  CAREDESK_LOGIN_RATE_LIMIT: 'loginRateLimitPerMinute',
  CAREDESK_AUDIT_KEY: 'auditKey',
  CAREDESK_CASE_REOPEN_DAYS: 'caseReopenDays',
  INBOUND_MAIL_ENABLED: 'inboundMailEnabled',
  INBOUND_MAIL_PORT: 'inboundMailPort',
  INBOUND_MAIL_HOST: 'inboundMailHost',
  INBOUND_MAIL_MAX_BYTES: 'inboundMailMaxBytes',
  MAIL_DOMAIN: 'mailDomain',
  SMTP_URL: 'smtpUrl',
  MAIL_FROM: 'mailFrom',
  SMS_PROVIDER_URL: 'smsProviderUrl',
  SMS_PROVIDER_TOKEN: 'smsProviderToken',
  MLLP_ENABLED: 'mllpEnabled',
  MLLP_HOST: 'mllpHost',
  MLLP_PORT: 'mllpPort',
  MLLP_TLS_CERT: 'mllpTlsCert',
  MLLP_TLS_KEY: 'mllpTlsKey',
  MLLP_MAX_FRAME_BYTES: 'mllpMaxFrameBytes',
  MLLP_MAX_CONNECTIONS: 'mllpMaxConnections',
  MLLP_IDLE_TIMEOUT_SECONDS: 'mllpIdleTimeoutSeconds',
  MLLP_FRAME_TIMEOUT_SECONDS: 'mllpFrameTimeoutSeconds',
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
  if (config.auditKey) safe.auditKey = '***';
  if (config.smtpUrl) safe.smtpUrl = redactUrl(config.smtpUrl);
  if (config.smsProviderToken) safe.smsProviderToken = '***';
  return safe;
}

/**
 * The domain CareDesk's own mail addresses and Message-IDs use: MAIL_DOMAIN, else the host
 * of the public URL, else caredesk.localhost (RFC 6761 reserves .localhost, so development
 * mail never leaks to a real domain).
 */
export function mailDomainOf(config: Config): string {
  if (config.mailDomain) return config.mailDomain.toLowerCase();
  if (config.publicUrl) {
    const host = new URL(config.publicUrl).hostname.toLowerCase();
    if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) return host;
  }
  return 'caredesk.localhost';
}

/** The From header of outbound mail. */
export function mailFromOf(config: Config): string {
  return config.mailFrom ?? `CareDesk <no-reply@${mailDomainOf(config)}>`;
}
