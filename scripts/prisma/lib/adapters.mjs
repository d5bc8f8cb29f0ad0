// Driver adapters for the wasm schema engine, with the fixes the engine needs from them.
//
// The wasm engine talks to the database only through a "migration-aware" driver adapter factory:
// `connect()` for the database being migrated, `connectToShadowDb()` for the scratch database that
// `migrate dev` / `migrate diff --from-migrations` replay the history into. The stock adapters
// (@prisma/adapter-better-sqlite3, @prisma/adapter-pg) were written for Prisma Client's queries,
// and fall short in the ways fixed below (numbers match docs/database.md):
//
//   fault 2  better-sqlite3 runs one statement per executeRaw, but the engine replays whole
//            migration scripts that way into the shadow database      -> runWholeScripts()
//   fault 4  adapter-pg rejects PostgreSQL's one-byte "char" type (OID 18), which the engine's
//            catalog queries return (pg_constraint.contype, ...)     -> acceptCharType()
//   fault 5  adapter-pg's connectToShadowDb, given a connection string, replays the history into
//            the MAIN database (the connection string wins over its `database` override), and
//            drops the shadow database before closing its own pool    -> connectPgShadow()
//   fault 8  adapter-pg's executeScript splits scripts on every ";", even inside string literals
//            (DEFAULT 'a;b') and comments, and the engine applies migrations through it;
//            PostgreSQL takes the whole script as one simple query, as the native engine sends it
//                                                                     -> runScriptInOneQuery()
import { randomUUID } from "node:crypto";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  dropPgDatabase,
  pgClientConfig,
  pgSchemaOf,
  pgUrlWithDatabase,
  providerOf,
  quoteIdent,
  sqliteFilePath,
} from "./databases.mjs";

/**
 * A migration-aware adapter factory for `url`, bound for the wasm engine, plus the raw adapter
 * of the main connection (the stand-in needs it for faults 1 and 3: it must use the engine's own
 * connection, since SQLite migrations hold an exclusive lock on the file).
 *
 * @returns {{ factory: object, mainAdapter: () => object | undefined, dispose: () => Promise<void> }}
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const provider = providerOf(url);
  const raw =
    provider === "sqlite"
      ? sqliteFactory(url, shadowDatabaseUrl)
      : pgFactory(url, shadowDatabaseUrl);

  let main;
  const opened = [];
  const track = (adapter) => (opened.push(adapter), adapter);
  const factory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    async connect() {
      main = track(onceDisposable(await raw.connect()));
      return main;
    },
    async connectToShadowDb() {
      return track(onceDisposable(await raw.connectToShadowDb()));
    },
  };

  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    mainAdapter: () => main,
    /** Close every connection still open (and drop a shadow database the engine left behind). */
    async dispose() {
      for (const adapter of [...opened].reverse()) await adapter.dispose().catch(() => {});
    },
  };
}

/** dispose() may come from the engine and again from us at exit: run it once. */
function onceDisposable(adapter) {
  const dispose = adapter.dispose.bind(adapter);
  let done;
  adapter.dispose = () => (done ??= dispose());
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// SQLite (better-sqlite3)

function sqliteFactory(url, shadowDatabaseUrl) {
  const inner = new PrismaBetterSqlite3(
    { url: sqliteLocation(url) },
    // Without a shadow URL the adapter replays the history into ":memory:", as the native engine does.
    shadowDatabaseUrl ? { shadowDatabaseUrl: sqliteLocation(shadowDatabaseUrl) } : undefined,
  );
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => runWholeScripts(await inner.connect()),
    connectToShadowDb: async () => runWholeScripts(await inner.connectToShadowDb()),
  };
}

/** better-sqlite3's name for a `file:` URL: its absolute path, or ":memory:" for `file::memory:`. */
function sqliteLocation(url) {
  return url === "file::memory:" ? ":memory:" : sqliteFilePath(url);
}

/**
 * Fault 2. better-sqlite3's prepare() compiles one statement and refuses a string with more
 * ("The supplied SQL string contains more than one statement"); the engine sends each migration
 * script to the shadow database as a single executeRaw. Hand such scripts to executeScript
 * (better-sqlite3's exec), which runs them whole, as the native engine does.
 */
function runWholeScripts(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/i.test(error?.message ?? ""))
        throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (node-postgres)

function pgFactory(url, shadowDatabaseUrl) {
  const probe = new PrismaPg(pgClientConfig(url));
  return {
    provider: probe.provider,
    adapterName: probe.adapterName,
    connect: () => connectPg(url, { createSchema: true }),
    connectToShadowDb: () => connectPgShadow(url, shadowDatabaseUrl),
  };
}

/** A PrismaPg adapter on `url`, faults 4 and 8 fixed. */
async function connectPg(url, { createSchema = false } = {}) {
  const schema = pgSchemaOf(url);
  // Like the native engine, work in the URL's ?schema= and create it when missing.
  if (schema && createSchema) {
    await withPgClient(url, (client) =>
      client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`),
    );
  }
  const adapter = await new PrismaPg(
    pgClientConfig(url),
    schema ? { schema } : undefined,
  ).connect();
  acceptCharType(adapter);
  runScriptInOneQuery(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => acceptCharType(await startTransaction(...args));
  return adapter;
}

const PG_CHAR_OID = 18; // "char": a single byte, used for the catalogs' one-letter codes
const PG_TEXT_OID = 25;
const charColumnsOf = new WeakMap(); // query -> indexes of its "char" result columns

/**
 * Fault 4. adapter-pg maps each result column's type OID to a Prisma column type and throws
 * UnsupportedNativeDataType for OIDs it does not know, "char" among them, which the engine's
 * catalog queries return (pg_constraint.contype, confdeltype, …). node-postgres has already
 * decoded such values as one-character strings, so:
 *   - in performIO (the adapter's one round trip, shared with its transactions), relabel those
 *     columns as text, so the adapter's type mapping goes through, and note which they were;
 *   - in queryRaw, report them to the engine as Character, which is what the native engine reads
 *     there: its describer takes `constraint_type` as a char and panics on a text value (seen
 *     with PostgreSQL 18, whose pg_constraint also lists NOT NULL constraints).
 * performIO is not public API; the adapter's version is pinned exactly in package.json.
 */
function acceptCharType(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length) charColumnsOf.set(query, charColumns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOf.get(query) ?? [])
      result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * Fault 8. adapter-pg's executeScript runs `script.split(";")` statement by statement, which breaks
 * on a ";" inside a string literal (a column default) or a comment; the engine applies migration
 * scripts to PostgreSQL through executeScript. PostgreSQL accepts the whole script as one simple
 * query (one implicit transaction), which is what the native engine sends.
 */
function runScriptInOneQuery(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as the adapter's DriverAdapterError, which the engine reads
    }
  };
  return adapter;
}

/**
 * Fault 5. A shadow database of our own: with SHADOW_DATABASE_URL, that database, emptied first
 * (the native engine resets an external shadow database too); otherwise a fresh
 * `prisma_migrate_shadow_db_<uuid>` on the main database's server, dropped once the engine
 * disposes of it, after the pool is closed (DROP DATABASE fails while connections are open).
 */
async function connectPgShadow(mainUrl, shadowDatabaseUrl) {
  if (shadowDatabaseUrl) {
    const schema = pgSchemaOf(shadowDatabaseUrl) ?? "public";
    await withPgClient(shadowDatabaseUrl, async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    });
    return connectPg(shadowDatabaseUrl);
  }

  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withPgClient(mainUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const shadowUrl = pgUrlWithDatabase(mainUrl, name);
  let adapter;
  try {
    adapter = await connectPg(shadowUrl, { createSchema: true });
  } catch (error) {
    await dropPgDatabase(mainUrl, name).catch(() => {});
    throw error;
  }
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose(); // ends the shadow pool first...
    await dropPgDatabase(mainUrl, name); // ...then the database can go
  };
  return adapter;
}

/** Run `fn(client)` on one short-lived connection to `url`. */
async function withPgClient(url, fn) {
  const client = new pg.Client(pgClientConfig(url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
