// The rules for the two secrets a deployment needs, and their words. The one copy, shared by the
// app (lib/env.ts) and the Vercel build's check (scripts/deploy/check-deploy-env.mjs), so a build
// that would deploy an app refusing to start fails with the message the app would give. Plain
// JavaScript (typed by secret-rules.d.mts) for the same reason as database-url.mjs: the build
// runs these scripts without a TypeScript loader.

export const AUTH_SECRET_MIN_LENGTH = 32;

export const AUTH_SECRET_TOO_SHORT = `must be at least ${AUTH_SECRET_MIN_LENGTH} characters (try: openssl rand -base64 32)`;

export const AUTH_SECRET_REQUIRED =
  "is required with a PostgreSQL database: every server must sign session cookies with the same secret (try: openssl rand -base64 32)";

/** A Standard Webhooks signing secret as Dodo shows it. */
export const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** Why the index-th (0-based) secret of DODO_PAYMENTS_WEBHOOK_KEY is refused, or undefined. */
export function webhookSecretProblem(secret, index) {
  if (WEBHOOK_SECRET.test(secret)) return undefined;
  return `secret #${index + 1} is not of the form whsec_<base64> (copy it from Dodo's dashboard, Settings → Webhooks)`;
}

/** The secrets of DODO_PAYMENTS_WEBHOOK_KEY: whitespace-separated (two while rotating). */
export function splitWebhookKey(raw) {
  const value = raw?.trim();
  return value ? value.split(/\s+/) : [];
}
