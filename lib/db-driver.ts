// The raw database drivers (better-sqlite3, node-postgres), opened the same way wherever they are
// needed: next to Prisma in lib/db.ts, and in the webhook ingestion worker (its own thread, so its
// own connections: a connection cannot cross threads). No Prisma here: the worker does not load it.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "./database-url.mjs";
import { DatabaseUnavailableError } from "./db-errors";

export type Driver =
  | { provider: "sqlite"; sqlite: BetterSqlite3.Database }
  | { provider: "postgresql"; pool: pg.Pool };

/** How long a SQLite writer waits for the lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const PG_CONNECT_TIMEOUT_MS = 5_000;

/**
 * What every connection to the SQLite file runs first, Prisma's included (lib/db.ts). WAL lets the
 * dashboard read while a webhook writes; the mode is stored in the file. `synchronous` is not: it
 * is per connection, and better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so every
 * connection opened on a file already in WAL mode would run NORMAL — commits not fsynced, and a
 * power cut could lose a delivery already answered 2xx. FULL fsyncs the WAL at every commit.
 */
export const SQLITE_CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

export function openSqlite(file: string): BetterSqlite3.Database {
  // First run on a fresh checkout: the data/ folder does not exist yet.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  sqlite.exec(SQLITE_CONNECTION_PRAGMAS);
  sqlite.defaultSafeIntegers(true);
  return sqlite;
}

export function openPostgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    max,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  return pool;
}

/** A driver for DATABASE_URL; a database that cannot be opened is "unavailable" (answer 503). */
export function openDriver(url: string, options: { pgPoolSize: number }): Driver {
  try {
    return providerOf(url) === "sqlite"
      ? { provider: "sqlite", sqlite: openSqlite(sqliteFilePath(url)) }
      : { provider: "postgresql", pool: openPostgresPool(url, options.pgPoolSize) };
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the database: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export async function closeDriver(driver: Driver): Promise<void> {
  if (driver.provider === "sqlite") driver.sqlite.close();
  else await driver.pool.end().catch(() => undefined);
}
