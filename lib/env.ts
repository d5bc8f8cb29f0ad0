// The one place that reads process.env. Validated once, at start (instrumentation.ts), so a bad
// value stops the app with a message naming the variable instead of failing at the first request.
import { z } from "zod";
import {
  providerOf,
  redactUrl,
  resolveDatabaseUrl,
  vercelDatabaseProblem,
  type DatabaseProvider,
} from "./database-url.mjs";
import {
  AUTH_SECRET_MIN_LENGTH,
  AUTH_SECRET_REQUIRED,
  AUTH_SECRET_TOO_SHORT,
  splitWebhookKey,
  webhookSecretProblem,
} from "./secret-rules.mjs";

const databaseUrl = z
  .string()
  .trim()
  .optional()
  .superRefine((value, ctx) => {
    if (!value) return;
    try {
      providerOf(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

/**
 * The most connections a PostgreSQL pool opens. Past ~100 a pool is larger than most hosted
 * plans allow a whole database, so such a value is taken for a typo.
 */
function poolMax(fallback: number) {
  return z
    .string()
    .trim()
    .regex(
      /^([1-9]|[1-9]\d)$|^100$/,
      'must be a whole number of connections from 1 to 100 (see the README\'s "Database connections")',
    )
    .default(String(fallback))
    .transform(Number);
}

/** Days to keep raw bodies: a whole number of days, or `off` to keep them forever. */
function keepDays(fallback: number) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(off|[1-9]\d{0,4})$/,
      "must be a number of days (1 or more) or off (keep bodies forever); 0 is refused, it would remove every body at once",
    )
    .default(String(fallback))
    .transform((value) => (value === "off" ? null : Number(value)));
}

const envSchema = z
  .object({
    DATABASE_URL: databaseUrl,
    DODO_PAYMENTS_WEBHOOK_KEY: z
      .string()
      .trim()
      .optional()
      .transform(splitWebhookKey)
      .superRefine((secrets, ctx) => {
        secrets.forEach((secret, index) => {
          const message = webhookSecretProblem(secret, index);
          if (message) ctx.addIssue({ code: "custom", message });
        });
      }),
    DODO_PAYMENTS_API_KEY: z.string().trim().min(1).optional(),
    DODO_PAYMENTS_ENVIRONMENT: z.enum(["test_mode", "live_mode"]).default("test_mode"),
    DODO_PAYMENTS_BASE_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .optional(),
    AUTH_SECRET: z.string().min(AUTH_SECRET_MIN_LENGTH, AUTH_SECRET_TOO_SHORT).optional(),
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "must be the http(s) URL people open Grantdesk at" })
      .optional(),
    GRANTDESK_TRUSTED_PROXY_HOPS: z
      .string()
      .trim()
      .regex(
        /^\d{1,2}$/,
        "must be how many proxies in front of Grantdesk add to X-Forwarded-For: 0 (none, the default), 1, 2…",
      )
      .default("0")
      .transform(Number),
    GRANTDESK_DB_POOL_MAX: poolMax(10),
    GRANTDESK_WEBHOOK_POOL_MAX: poolMax(8),
    GRANTDESK_KEEP_RAW_BODIES_DAYS: keepDays(90),
    GRANTDESK_KEEP_INVALID_BODIES_DAYS: keepDays(365),
    GRANTDESK_SQLITE_QUERY_THREAD: z
      .enum(["auto", "on", "off"], {
        error: "must be auto (on in the server, off in scripts and tests), on or off",
      })
      .default("auto"),
    ALERTS_ENCRYPTION_KEY: z
      .string()
      .trim()
      .regex(
        /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
        "must be 32 random bytes as 64 hex characters or base64 (openssl rand -base64 32)",
      )
      .optional(),
    CRON_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
    GRANTDESK_SCHEDULER: z.enum(["on", "off"]).default("on"),
    VERCEL: z.string().optional(),
    // Set by Vercel: production, preview or development (`vercel dev`).
    VERCEL_ENV: z.string().optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL?.startsWith("postgres") && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: AUTH_SECRET_REQUIRED,
      });
    }
    const vercelProblem = env.VERCEL ? vercelDatabaseProblem(env.DATABASE_URL) : undefined;
    if (vercelProblem) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: vercelProblem });
    }
  });

export type Env = {
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  webhookSecrets: string[];
  dodoApiKey: string | undefined;
  dodoEnvironment: "test_mode" | "live_mode";
  dodoBaseUrl: string | undefined;
  authSecret: string | undefined;
  /**
   * The public URL, when set; otherwise taken from each request. Never on a Vercel Preview: one
   * preview answers at several URLs (the deployment's, the branch's), and an AUTH_URL copied from
   * Production would refuse sign-in on all of them (Better Auth checks the origin against it).
   */
  authUrl: string | undefined;
  /** Proxies whose X-Forwarded-For entries the sign-in throttle believes (0: none). */
  trustedProxyHops: number;
  /** PostgreSQL: connections Prisma's pool may open (lib/db.ts). */
  dbPoolMax: number;
  /** PostgreSQL: connections the webhook ingestion worker's pool may open. */
  webhookPoolMax: number;
  /** Days raw bodies of applied/stale/duplicate/ignored events are kept (null: forever). */
  keepRawBodiesDays: number | null;
  /** Days raw bodies of invalid (never reprocessed) events are kept (null: forever). */
  keepInvalidBodiesDays: number | null;
  /** SQLite: Prisma's statements on their own thread (lib/sqlite-thread/), "auto" in the server. */
  sqliteQueryThread: "auto" | "on" | "off";
  /**
   * The key sealing alert channel secrets (Slack URL, SMTP password, signing secret) with
   * AES-256-GCM (lib/alerts/secret-box.ts); unset, channels that need a secret cannot be added.
   */
  alertsEncryptionKey: Buffer | undefined;
  /** What /api/cron/* requires as `Authorization: Bearer …` (Vercel Cron sends it); unset: refused. */
  cronSecret: string | undefined;
  /** Whether each server process runs the alert and sync scheduler itself (off on Vercel). */
  schedulerEnabled: boolean;
  /** Running on Vercel, whose edge sets X-Forwarded-For itself. */
  onVercel: boolean;
  isProduction: boolean;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses a process.env-like record; throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const result = envSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`,
    );
    throw new EnvError(
      `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`,
    );
  }
  const parsed = result.data;
  const databaseUrl = resolveDatabaseUrl(parsed.DATABASE_URL);
  return {
    databaseUrl,
    databaseProvider: providerOf(databaseUrl),
    webhookSecrets: parsed.DODO_PAYMENTS_WEBHOOK_KEY,
    dodoApiKey: parsed.DODO_PAYMENTS_API_KEY,
    dodoEnvironment: parsed.DODO_PAYMENTS_ENVIRONMENT,
    dodoBaseUrl: parsed.DODO_PAYMENTS_BASE_URL,
    authSecret: parsed.AUTH_SECRET,
    authUrl: parsed.VERCEL_ENV === "preview" ? undefined : parsed.AUTH_URL,
    trustedProxyHops: parsed.GRANTDESK_TRUSTED_PROXY_HOPS,
    dbPoolMax: parsed.GRANTDESK_DB_POOL_MAX,
    webhookPoolMax: parsed.GRANTDESK_WEBHOOK_POOL_MAX,
    keepRawBodiesDays: parsed.GRANTDESK_KEEP_RAW_BODIES_DAYS,
    keepInvalidBodiesDays: parsed.GRANTDESK_KEEP_INVALID_BODIES_DAYS,
    sqliteQueryThread: parsed.GRANTDESK_SQLITE_QUERY_THREAD,
    alertsEncryptionKey: parsed.ALERTS_ENCRYPTION_KEY
      ? Buffer.from(
          parsed.ALERTS_ENCRYPTION_KEY,
          parsed.ALERTS_ENCRYPTION_KEY.length === 64 ? "hex" : "base64",
        )
      : undefined,
    cronSecret: parsed.CRON_SECRET,
    // Vercel's functions do not outlive their request: there Vercel Cron calls /api/cron/*.
    schedulerEnabled: parsed.GRANTDESK_SCHEDULER === "on" && !parsed.VERCEL,
    onVercel: Boolean(parsed.VERCEL),
    isProduction: parsed.NODE_ENV === "production",
  };
}

let cached: Env | undefined;

/** The validated configuration, parsed on first use and then kept. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For log lines and the health route: the database without its password. */
export function describeDatabase(env: Env): string {
  return `${env.databaseProvider} ${redactUrl(env.databaseUrl)}`;
}
