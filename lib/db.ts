// The database connections, handed out from one place. DATABASE_URL picks the provider: each has
// its own generated Prisma client (one schema cannot name two providers) and driver adapter.
// Prisma serves every read and the dashboard; the webhook hot path writes through the same
// drivers directly (lib/webhooks/stores/*, see docs/performance.md for why). On PostgreSQL both
// share one pg.Pool; on SQLite the hot path has its own better-sqlite3 connection (WAL: one
// writer at a time, readers never blocked). Kept on globalThis so dev-mode hot reloads and test
// files reuse the connections.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgresql/client.ts";
import { sqliteFilePath } from "./database-url.mjs";
import { DatabaseUnavailableError } from "./db-errors";
import { getEnv } from "./env";

/**
 * Both generated clients expose the same model API for our schema; the SQLite one's type stands
 * for both so the rest of the code is written once.
 */
export type Database = SqliteClient;

export type Driver = { provider: "sqlite"; sqlite: BetterSqlite3.Database } | { provider: "postgresql"; pool: pg.Pool };

/** How long a SQLite writer waits for the lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const PG_CONNECT_TIMEOUT_MS = 5_000;

type Connection = { url: string; client: Database; driver: Driver };

function openSqlite(url: string): Connection {
  const file = sqliteFilePath(url);
  // First run on a fresh checkout: the data/ folder does not exist yet.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets the dashboard read while a webhook writes; the mode is stored in the file.
  sqlite.pragma("journal_mode = WAL");
  sqlite.defaultSafeIntegers(true);
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  return { url, client, driver: { provider: "sqlite", sqlite } };
}

function openPostgres(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, max: 10 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const client = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Database;
  return { url, client, driver: { provider: "postgresql", pool } };
}

const globalForDb = globalThis as unknown as { grantdeskDb?: Connection };

function connect(): Connection {
  const env = getEnv();
  const existing = globalForDb.grantdeskDb;
  if (existing && existing.url === env.databaseUrl) return existing;
  try {
    globalForDb.grantdeskDb = env.databaseProvider === "sqlite" ? openSqlite(env.databaseUrl) : openPostgres(env.databaseUrl);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the ${env.databaseProvider} database: ${(error as Error).message}`, { cause: error });
  }
  return globalForDb.grantdeskDb;
}

/** The Prisma client for DATABASE_URL. */
export async function getDb(): Promise<Database> {
  return connect().client;
}

/** The raw driver behind it, for the webhook hot path only. */
export function getDriver(): Driver {
  return connect().driver;
}

export function databaseProvider() {
  return getEnv().databaseProvider;
}

/** Closes every connection (tests and scripts; the server keeps them open). */
export async function disconnectDb(): Promise<void> {
  const existing = globalForDb.grantdeskDb;
  globalForDb.grantdeskDb = undefined;
  if (!existing) return;
  await existing.client.$disconnect();
  if (existing.driver.provider === "sqlite") existing.driver.sqlite.close();
  else await existing.driver.pool.end().catch(() => undefined);
}
