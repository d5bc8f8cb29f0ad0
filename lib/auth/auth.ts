// Better Auth, configured for Grantdesk: email and password only (no sign-up: an admin creates
// accounts), sessions in the database and read from it on every request (no cookie cache), so
// deleting a user's sessions signs them out at once. Passwords are hashed with scrypt in Better
// Auth's format, off the event loop (password-hash.ts). Another sign-in method later is
// configuration here (socialProviders / plugins).
import "server-only";
import { BASE_ERROR_CODES, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Database } from "../db";
import { getEnv } from "../env";
import { assertNewPasswordAllowed, CHANGE_PASSWORD_PATH } from "./change-password-guard";
import { hashPassword, verifyPassword } from "./password-hash";
import { MIN_PASSWORD_LENGTH } from "./password-policy";
import { resolveAuthSecret } from "./secret";
import { MAX_PASSWORD_LENGTH } from "./sign-in-limits";
import { admitSignInAttempt, settleSignInAttempt, SIGN_IN_PATH } from "./sign-in-guard";

function sameHostOrigins(request: Request | undefined): string[] {
  const host = request?.headers.get("host");
  return host ? [`http://${host}`, `https://${host}`] : [];
}

function createAuth(db: Database) {
  const env = getEnv();
  return betterAuth({
    appName: "Grantdesk",
    secret: resolveAuthSecret(env),
    // Unset: taken from each request, so http://localhost and a LAN address both work locally.
    baseURL: env.authUrl,
    // CSRF: a sign-in or sign-out must come from a page of this site. With AUTH_URL that origin;
    // without it, the origin the browser addressed (its Host header), whatever name it used.
    trustedOrigins: env.authUrl ? undefined : (request) => sameHostOrigins(request),
    database: prismaAdapter(db, { provider: env.databaseProvider }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "support", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      cookieCache: { enabled: false },
    },
    // Better Auth's own limiter counts every request per path and lives in memory; ours counts
    // sign-in attempts per account, address and pair in the database (sign-in-guard.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Warnings include "Base URL is not set" on every start, which is deliberate here (see baseURL).
    logger: { level: "error" },
    onAPIError: {
      // A refused request (4xx) is an answer, not a fault: under a sign-in flood a log line for
      // each would cost CPU and bury the errors that matter.
      onError: (error) => {
        if (error instanceof APIError && error.statusCode < 500) return;
        console.error("[Better Auth]", error);
      },
    },
    advanced: {
      // Better Auth skips the check when NODE_ENV=test; keep it on so the tests see production's.
      disableOriginCheck: false,
      // Secure cookies when the public URL is https, or in production when it is not configured.
      useSecureCookies: env.authUrl ? env.authUrl.startsWith("https://") : env.isProduction,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user cannot get a new session, whatever the password; and is told exactly
          // what a wrong password is told, so the answer never confirms a guessed password.
          before: async (session) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { disabled: true },
            });
            if (!user || user.disabled)
              throw APIError.from("UNAUTHORIZED", BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
            return { data: session };
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN_PATH) await admitSignInAttempt(db, ctx);
        if (ctx.path === CHANGE_PASSWORD_PATH) await assertNewPasswordAllowed(ctx);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN_PATH) await settleSignInAttempt(db, ctx, ctx.context.returned);
      }),
    },
    // Last: lets server actions set the cookies Better Auth returns.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { grantdeskAuth?: { auth: Auth; db: unknown } };

/** One instance per database connection (tests switch databases between files). */
export async function getAuth(): Promise<Auth> {
  const db = await getDb();
  const cached = globalForAuth.grantdeskAuth;
  if (cached && cached.db === db) return cached.auth;
  const auth = createAuth(db);
  globalForAuth.grantdeskAuth = { auth, db };
  return auth;
}
