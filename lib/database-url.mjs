// Which database a URL names. The one copy, shared by the app (lib/env.ts), prisma.config.ts and
// the plain-Node db:* scripts — which is why it is JavaScript (typed by database-url.d.mts): the
// scripts must run without a TypeScript loader, e.g. `db:migrate` in a Vercel build.
import path from "node:path";

/** Where the embedded default keeps its file when DATABASE_URL is unset (git-ignored). */
export const DEFAULT_SQLITE_FILE = "data/grantdesk.db";

/** "sqlite" for `file:` URLs, "postgresql" for `postgresql://` / `postgres://`. */
export function providerOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${redactUrl(url)}"`,
  );
}

/** DATABASE_URL, or the embedded SQLite file, as an absolute `file:` URL for SQLite. */
export function resolveDatabaseUrl(raw, cwd = process.cwd()) {
  const url = raw?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (providerOf(url) !== "sqlite") return url;
  return `file:${sqliteFilePath(url, cwd)}`;
}

/** The file a `file:` URL names, resolved against cwd (query string dropped). */
export function sqliteFilePath(url, cwd = process.cwd()) {
  const file = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(cwd, file);
}

/**
 * Why DATABASE_URL cannot serve a Vercel deployment, or undefined when it can. One rule for the
 * runtime (lib/env.ts) and the build (scripts/check-deploy-env.mjs): a build that would deploy a
 * dead app must fail with the message the app would give.
 */
export function vercelDatabaseProblem(rawUrl) {
  const url = rawUrl?.trim();
  if (url && !url.startsWith("file:")) return undefined;
  return "must be a postgresql:// URL on Vercel: its file system is not persistent, so a SQLite file would lose every grant on the next deploy";
}

/**
 * The URL the db:* scripts migrate: DIRECT_DATABASE_URL when set (a direct, unpooled connection,
 * as Prisma recommends behind poolers: migrations need session features such as advisory locks),
 * else DATABASE_URL. Unresolved: undefined still means the embedded SQLite file.
 */
export function migrationDatabaseUrl(env = process.env) {
  return env.DIRECT_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** The URL with its password masked, safe for logs and error messages. */
export function redactUrl(url) {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
