// The one Prisma client. DATABASE_URL picks the provider: each has its own generated client (one
// schema cannot name two providers) and its driver adapter. Kept on globalThis so dev-mode hot
// reloads and test files reuse one connection pool.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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

/** How long a SQLite writer waits for the lock before giving up (better-sqlite3 `timeout`). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

function createSqliteClient(url: string): Database {
  const file = sqliteFilePath(url);
  // First run on a fresh checkout: the data/ folder does not exist yet.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}

function createPostgresClient(url: string): Database {
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 });
  return new PostgresClient({ adapter }) as unknown as Database;
}

/**
 * WAL lets the dashboard read while a webhook writes; the mode is stored in the database file, so
 * setting it once per process is enough.
 */
async function useWriteAheadLog(client: Database): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}

const globalForDb = globalThis as unknown as { grantdeskDb?: { url: string; client: Database; ready: Promise<void> } };

function connect(): { client: Database; ready: Promise<void> } {
  const env = getEnv();
  const existing = globalForDb.grantdeskDb;
  if (existing && existing.url === env.databaseUrl) return existing;
  let client: Database;
  try {
    client = env.databaseProvider === "sqlite" ? createSqliteClient(env.databaseUrl) : createPostgresClient(env.databaseUrl);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the ${env.databaseProvider} database: ${(error as Error).message}`, { cause: error });
  }
  const ready = env.databaseProvider === "sqlite" ? useWriteAheadLog(client) : Promise.resolve();
  // A failed PRAGMA (database locked at start) must not poison every later query.
  ready.catch(() => undefined);
  globalForDb.grantdeskDb = { url: env.databaseUrl, client, ready };
  return globalForDb.grantdeskDb;
}

/** The Prisma client for DATABASE_URL, with SQLite's WAL mode set before first use. */
export async function getDb(): Promise<Database> {
  const { client, ready } = connect();
  await ready.catch(() => undefined);
  return client;
}

export function databaseProvider() {
  return getEnv().databaseProvider;
}

/** Closes the pool (tests and scripts; the server keeps it open). */
export async function disconnectDb(): Promise<void> {
  const existing = globalForDb.grantdeskDb;
  globalForDb.grantdeskDb = undefined;
  await existing?.client.$disconnect();
}
