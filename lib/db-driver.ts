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

/**
 * How long a pooled PostgreSQL connection may sit idle before the pool closes it: 5 s, Vercel's
 * own advice for pools on its functions (node-postgres' default is 10 s). An idle connection is
 * one the server, a pooler or a NAT may drop unseen while the instance is frozen.
 */
export const PG_IDLE_TIMEOUT_MS = 5_000;

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pg.Pool that notices it was frozen. On Vercel an instance is suspended between requests and
 * no timer runs meanwhile, the pool's idle timeouts included; the server, a pooler or a NAT may
 * drop the idle connections unseen (no FIN, no RST: nothing tells the socket). On thawing, the
 * request's I/O runs before the overdue timers, so a plain pool hands the first query a
 * connection that should have been closed long ago, and it waits for an answer that never comes
 * (the worker gives up with a 503 after 10 s; Prisma waits longer). Vercel's attachDatabasePool
 * avoids this by keeping the instance awake until the idle timeout has run (waitUntil), which
 * needs a request context the ingestion worker does not have. Instead: when the pool was last
 * used longer ago than its idle timeout, every idle connection it still holds is overdue, so a
 * checkout first yields one timer turn, the overdue idle timeouts close those connections, and
 * the query gets a fresh one. Outside a freeze the idle timeouts have run already and the yield
 * costs ~1 ms once per quiet spell. (TCP keepalive would not help: a frozen process sends no
 * probes, and after thawing they take seconds to conclude.) tests/integration/pg-pool-frozen.test.ts.
 */
class FreezeAwarePool extends pg.Pool {
  private lastReleaseAt = Date.now();

  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("release", () => {
      this.lastReleaseAt = Date.now();
    });
  }

  private idleTimeoutsOverdue(): boolean {
    return this.idleCount > 0 && Date.now() - this.lastReleaseAt > PG_IDLE_TIMEOUT_MS;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!this.idleTimeoutsOverdue()) return callback ? super.connect(callback) : super.connect();
    // pg-pool's query() checks out through connect(callback); Prisma's adapter through connect().
    const afterTimers = new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (callback) void afterTimers.then(() => super.connect(callback));
    else return afterTimers.then(() => super.connect());
  }
}

export function openPostgresPool(url: string, max: number): pg.Pool {
  const pool = new FreezeAwarePool({
    connectionString: url,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: PG_IDLE_TIMEOUT_MS,
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
