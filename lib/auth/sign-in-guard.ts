// What stands between a POST to /api/auth/sign-in/email and a password hash, in the order it
// runs (Better Auth's before hook, so before the endpoint evaluates anything):
//   1. a request Better Auth will refuse anyway (a body its schema refuses, another site's
//      origin) is left to it, uncounted: it costs no hash, and counting it would let anyone lock
//      an account from any web page;
//   2. the CPU gate (hash-gate.ts, memory);
//   3. one place under every throttle key (throttle.ts, database).
// After a right password the attempt is refunded.
import type { GenericEndpointContext } from "better-auth";
import { APIError, formCsrfMiddleware } from "better-auth/api";
import { z } from "zod";
import type { Database } from "../db";
import { getEnv } from "../env";
import { clientAddress } from "./client-address";
import { hashGate } from "./hash-gate";
import { MAX_PASSWORD_LENGTH } from "./sign-in-limits";
import {
  countAttempt,
  pruneExpiredAttempts,
  refundAttempt,
  throttleKeys,
  type ThrottleKey,
} from "./throttle";

export const SIGN_IN_PATH = "/sign-in/email";

/** Better Auth's sign-in body, and the checks its endpoint makes before it hashes. */
const attemptSchema = z.object({
  email: z.email(),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  callbackURL: z.string().optional(),
  rememberMe: z.boolean().optional(),
});

function attemptKeys(ctx: GenericEndpointContext): ThrottleKey[] | null {
  const attempt = attemptSchema.safeParse(ctx.body);
  if (!attempt.success || !ctx.headers) return null;
  const env = getEnv();
  const address = clientAddress(ctx.headers, {
    trustedProxyHops: env.trustedProxyHops,
    onVercel: env.onVercel,
  });
  return throttleKeys(attempt.data.email, address);
}

function tooMany(code: string, message: string, retryAfterSeconds: number): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code, message },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

const inMinutes = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

/** Throws a 429 unless this attempt may have its password evaluated. */
export async function admitSignInAttempt(db: Database, ctx: GenericEndpointContext) {
  const keys = attemptKeys(ctx);
  if (!keys) return;
  // Better Auth's own origin check, which its endpoint runs only after this hook.
  await formCsrfMiddleware(ctx);
  const address = keys.find((k) => k.kind === "address")!.key;
  const wait = hashGate().admit(address);
  if (wait > 0)
    throw tooMany(
      "SIGN_IN_BUSY",
      `Too many sign-in attempts right now. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
      wait,
    );
  await pruneExpiredAttempts(db);
  const refused = await countAttempt(db, keys);
  if (refused)
    throw tooMany(
      "TOO_MANY_ATTEMPTS",
      `Too many failed sign-ins. Try again in ${inMinutes(refused.retryAfterSeconds)}.`,
      refused.retryAfterSeconds,
    );
}

/** After the endpoint (`returned`: its answer): a right password gives its attempt back. */
export async function settleSignInAttempt(
  db: Database,
  ctx: GenericEndpointContext,
  returned: unknown,
) {
  if (returned instanceof APIError) return;
  const keys = attemptKeys(ctx);
  if (keys) await refundAttempt(db, keys);
}
