// The database connections, handed out from one place. DATABASE_URL picks the provider: each has
// its own generated Prisma client (one schema cannot name two providers) and driver adapter.
// Prisma serves every read and the dashboard. Deliveries are written through the drivers directly
// (lib/ingest/stores/*, see docs/performance.md for why): webhooks by the ingestion worker on its
// own connections (lib/ingest/worker-client.ts), reprocessing and sync through the driver here —
// on PostgreSQL the pg.Pool Prisma uses, on SQLite a second better-sqlite3 connection (WAL: one
// writer at a time, readers never blocked). Kept on globalThis so dev-mode hot reloads and test
// files reuse the connections.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgresql/client.ts";
import { sqliteFilePath } from "./database-url.mjs";
import {
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_CONNECTION_PRAGMAS,
  closeDriver,
  openPostgresPool,
  openSqlite,
  type Driver,
} from "./db-driver";
import { DatabaseUnavailableError } from "./db-errors";
import { withoutQueryArguments } from "./db-query-errors";
import { getEnv } from "./env";
import { PrismaSqliteOnThread } from "./sqlite-thread/adapter";

export type { Driver } from "./db-driver";

/**
 * Both generated clients expose the same model API for our schema; the SQLite one's type stands
 * for both so the rest of the code is written once.
 */
export type Database = SqliteClient;

type Connection = { url: string; client: Database; driver: Driver };

/** Every operation, models and raw queries alike; the model API is unchanged, so is the type. */
function redactingQueryErrors(client: SqliteClient | PostgresClient): Database {
  return (client as SqliteClient).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw withoutQueryArguments(error);
        }
      },
    },
  }) as unknown as Database;
}

/** Prisma's adapter opens its own connection; it gets the same pragmas as the driver's. */
class SqliteAdapterWithPragmas extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_CONNECTION_PRAGMAS);
    return adapter;
  }
}

/**
 * In the server Prisma's statements run on their own thread (lib/sqlite-thread/adapter.ts says
 * why); scripts and tests keep them on theirs, where the query-plan tests record them.
 */
function sqliteAdapter(file: string) {
  const setting = getEnv().sqliteQueryThread;
  const onThread = setting === "on" || (setting === "auto" && Boolean(process.env.NEXT_RUNTIME));
  if (onThread)
    return new PrismaSqliteOnThread({
      file,
      busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
      pragmas: SQLITE_CONNECTION_PRAGMAS,
    });
  return new SqliteAdapterWithPragmas({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

function openSqliteConnection(url: string): Connection {
  const file = sqliteFilePath(url);
  const sqlite = openSqlite(file);
  const client = redactingQueryErrors(new SqliteClient({ adapter: sqliteAdapter(file) }));
  return { url, client, driver: { provider: "sqlite", sqlite } };
}

function openPostgresConnection(url: string, poolMax: number): Connection {
  const pool = openPostgresPool(url, poolMax);
  const client = redactingQueryErrors(new PostgresClient({ adapter: new PrismaPg(pool) }));
  return { url, client, driver: { provider: "postgresql", pool } };
}

const globalForDb = globalThis as unknown as { grantdeskDb?: Connection };

function connect(): Connection {
  const env = getEnv();
  const existing = globalForDb.grantdeskDb;
  if (existing && existing.url === env.databaseUrl) return existing;
  try {
    globalForDb.grantdeskDb =
      env.databaseProvider === "sqlite"
        ? openSqliteConnection(env.databaseUrl)
        : openPostgresConnection(env.databaseUrl, env.dbPoolMax);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the ${env.databaseProvider} database: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return globalForDb.grantdeskDb;
}

/** The Prisma client for DATABASE_URL. */
export async function getDb(): Promise<Database> {
  return connect().client;
}

/** The raw driver behind it, for the store of deliveries (reprocessing, sync; tests). */
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
  await closeDriver(existing.driver);
}
