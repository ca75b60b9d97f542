/** Environment → typed configuration, parsed once at start with messages that name the variable. */
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use SQLite)')
    .optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://spine.example.com' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Sizes are stored as 32-bit integers on PostgreSQL: stay well below 2 GiB.
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(2000, 'must be at most 2000').default(25),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Spine <spine@localhost>'),
  RUN_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where people reach Spine; used in links and for the Origin check. */
  publicUrl: string;
  /** Set when publicUrl is https: cookies get `Secure`. */
  secureCookies: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  uploadLimitBytes: number;
  trustProxy: boolean;
  /** Email goes out through this SMTP server; without it, notifications stay in the app. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Whether this process works the job queue (false: serve HTTP only, let other processes send). */
  runJobs: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const definedEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(definedEnv);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: values.LOG_LEVEL,
    uploadLimitBytes: Math.round(values.UPLOAD_LIMIT_MB * 1024 * 1024),
    trustProxy: values.TRUST_PROXY,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    runJobs: values.RUN_JOBS,
  };
}
