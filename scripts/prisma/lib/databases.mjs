// The few things the db:* scripts and the schema-engine stand-in do to a database as a whole:
// does it exist, create it, drop it. The URL helpers themselves live in lib/database-url.mjs,
// shared with the app and prisma.config.ts.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { providerOf, sqliteFilePath } from "../../../lib/database-url.mjs";

export {
  DEFAULT_SQLITE_FILE,
  migrationDatabaseUrl,
  providerOf,
  redactUrl,
  resolveDatabaseUrl,
  sqliteFilePath,
} from "../../../lib/database-url.mjs";

// ---------------------------------------------------------------------------------------------
// PostgreSQL URLs

/** The database a PostgreSQL URL names (`postgres` when the path is empty, like libpq). */
export function pgDatabaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/** The same server and credentials, another database. */
export function pgUrlWithDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** `?schema=` of a Prisma PostgreSQL URL (the schema Prisma works in), if any. */
export function pgSchemaOf(url) {
  return new URL(url).searchParams.get("schema") || undefined;
}

/**
 * node-postgres settings for a Prisma PostgreSQL URL. Prisma's own `?schema=` parameter is turned
 * into the session's search_path, as the native engine does, so unqualified names (the migrations
 * table, the migration scripts) land in that schema.
 */
export function pgClientConfig(url) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema");
  u.searchParams.delete("schema");
  const config = { connectionString: u.toString() };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return config;
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** host:port of a PostgreSQL URL, for messages. */
export function pgServerOf(url) {
  const u = new URL(url);
  return `${u.hostname || "localhost"}:${u.port || 5432}`;
}

/**
 * Run `fn(client)` on a connection to the server's maintenance database (`postgres`, else
 * `template1`), for CREATE/DROP DATABASE, which cannot run inside the database concerned.
 */
export async function withPgMaintenanceClient(url, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    const client = new pg.Client(pgClientConfig(pgUrlWithDatabase(url, database)));
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if (error.code === "3D000") continue; // that maintenance database does not exist: try the next
      throw error;
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------------
// Whole-database operations, for both providers

/** Whether the database exists (a SQLite file on disk; a PostgreSQL database on its server). */
export async function databaseExists(url) {
  if (providerOf(url) === "sqlite") return fs.existsSync(sqliteFilePath(url));
  const name = pgDatabaseName(url);
  return withPgMaintenanceClient(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount > 0;
  });
}

/**
 * Create the database if it is missing. SQLite: the parent directory (e.g. data/) and an empty
 * file. PostgreSQL: CREATE DATABASE on the same server. Returns true when something was created.
 */
export async function createDatabase(url) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (fs.existsSync(file)) return false;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, "a"));
    return true;
  }
  const name = pgDatabaseName(url);
  return withPgMaintenanceClient(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount > 0) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      if (error.code === "42P04") return false; // created meanwhile by someone else
      throw error;
    }
    return true;
  });
}

/** Drop the database (SQLite: delete the file and its -wal/-shm/-journal companions). */
export async function dropDatabase(url) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      fs.rmSync(file + suffix, { force: true });
    return;
  }
  await dropPgDatabase(url, pgDatabaseName(url));
}

/**
 * DROP DATABASE `name` on the server `url` points at, disconnecting whoever is still connected
 * (WITH (FORCE), PostgreSQL 13+; older servers get the plain statement).
 */
export async function dropPgDatabase(url, name) {
  const drop = async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (error) {
      if (error.code !== "42601") throw error; // 42601 = syntax error: server older than 13
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  };
  // A database cannot be dropped from a connection to itself: go through the maintenance
  // database then; otherwise through `url`'s own database (which may be all a role can reach).
  if (pgDatabaseName(url) === name) return withPgMaintenanceClient(url, drop);
  const client = new pg.Client(pgClientConfig(url));
  await client.connect();
  try {
    await drop(client);
  } finally {
    await client.end().catch(() => {});
  }
}
