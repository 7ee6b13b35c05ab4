import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { LoopCoachError } from './errors.js';

const configSchema = z.object({
  db: z
    .string()
    .trim()
    .min(1)
    .refine((v) => !/^[a-z]+:\/\//i.test(v) || /^postgres(ql)?:\/\//i.test(v), {
      message: 'LOOPCOACH_DB must be a file path or a postgres:// URL',
    }),
  port: z.coerce.number().int().min(1).max(65_535),
  host: z.string().min(1),
  /** Team mode: the one public origin browsers use (scheme://host[:port]); unset means single-user, localhost only. */
  publicOrigin: z
    .string()
    .trim()
    .refine(isOrigin, { message: 'LOOPCOACH_ORIGIN must be an origin such as https://coach.example.com (scheme, host and port only)' })
    .optional(),
  /** Team mode: sign-in required, every row owned by an account (`serve --team` or LOOPCOACH_TEAM=1). */
  team: z.boolean(),
  /** Team mode behind a reverse proxy: take the client's address from X-Forwarded-For (LOOPCOACH_TRUST_PROXY=1). */
  trustProxy: z.boolean(),
  /** Team mode: graded answers per account per minute (LOOPCOACH_GRADING_LIMIT; an address gets five times as many). */
  gradingLimit: z.coerce.number().int().min(1, 'LOOPCOACH_GRADING_LIMIT must be a whole number of answers per minute, 1 or more').optional(),
  /** Team mode: sign-in with the organisation's OpenID Connect provider (all three variables, or none). */
  oidc: z
    .object({ issuer: z.url("LOOPCOACH_OIDC_ISSUER must be the provider's URL"), clientId: z.string().min(1), clientSecret: z.string().min(1) })
    .optional(),
});

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema>;

/** The default database: a SQLite file in the user's home folder. */
export function defaultDatabasePath(): string {
  return join(homedir(), '.loopcoach', 'loopcoach.db');
}

/** Reads configuration once, from flags over environment over defaults; fails fast with a fix. */
const isOn = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

export function loadConfig(flags: { db?: string; port?: string | number; team?: boolean } = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse({
    db: flags.db ?? env.LOOPCOACH_DB ?? defaultDatabasePath(),
    port: flags.port ?? env.PORT ?? 4173,
    host: env.HOST ?? '127.0.0.1',
    ...(env.LOOPCOACH_ORIGIN ? { publicOrigin: env.LOOPCOACH_ORIGIN } : {}),
    team: flags.team === true || isOn(env.LOOPCOACH_TEAM),
    trustProxy: isOn(env.LOOPCOACH_TRUST_PROXY),
    ...(env.LOOPCOACH_GRADING_LIMIT ? { gradingLimit: env.LOOPCOACH_GRADING_LIMIT } : {}),
    ...(env.LOOPCOACH_OIDC_ISSUER || env.LOOPCOACH_OIDC_CLIENT_ID
      ? { oidc: { issuer: env.LOOPCOACH_OIDC_ISSUER, clientId: env.LOOPCOACH_OIDC_CLIENT_ID, clientSecret: env.LOOPCOACH_OIDC_CLIENT_SECRET } }
      : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const hint =
      field === 'port'
        ? 'PORT must be a whole number from 1 to 65535'
        : field.startsWith('oidc')
          ? 'OpenID Connect needs LOOPCOACH_OIDC_ISSUER (a URL), LOOPCOACH_OIDC_CLIENT_ID and LOOPCOACH_OIDC_CLIENT_SECRET'
          : issue.message;
    throw new LoopCoachError('config_invalid', hint);
  }
  const { publicOrigin, ...rest } = parsed.data;
  if (rest.team && !publicOrigin)
    throw new LoopCoachError('config_invalid', 'team mode needs LOOPCOACH_ORIGIN: the address browsers use, such as https://coach.example.com');
  return publicOrigin ? { ...rest, publicOrigin: new URL(publicOrigin).origin } : rest;
}
