#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// Prisma's CLI runs migrations (`migrate dev|deploy|status|reset|diff|resolve`, `db push|execute`)
// by spawning the native schema engine, which it downloads on first use. Where that download is
// impossible (offline machines, see docs/database.md), PRISMA_SCHEMA_ENGINE_BINARY can name this
// script instead (scripts/prisma/prisma.mjs does so). It speaks the native binary's protocol and
// hands every request to the same engine compiled to WebAssembly (@prisma/schema-engine-wasm, the
// exact build of CLI 7.10.0), which reaches the database through Prisma's driver adapters:
//
//   schema-engine.mjs --version
//       prints the engine version, as the CLI expects from the binary.
//   schema-engine.mjs --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//       one-shot commands; exit 0 on success, else 1 with the error as a JSON log line on stderr
//       (level ERROR, target schema_engine::logger, fields.error_code/message: what the CLI reads;
//       the CLI skips the first stderr line, so a start-up line always comes first).
//   schema-engine.mjs --datasource '{"url":…,"shadowDatabaseUrl"?:…} [--datamodels <file>]…
//       JSON-RPC 2.0 over stdio, one JSON object per line: requests on stdin, responses on stdout,
//       logs on stderr; exits when stdin closes. The engine may itself send the CLI a `print`
//       request (used by `migrate diff`).
//
// Known faults of the wasm path, each seen on these machines, and where they are covered:
//   1. fresh database: P1014 "_prisma_migrations does not exist" instead of an empty history
//        -> createMigrationsTable() below
//   2. better-sqlite3 runs one statement per executeRaw; the shadow replay sends whole scripts
//        -> lib/adapters.mjs runWholeScripts()
//   3. `migrate reset` on SQLite does nothing -> resetSqlite() below
//   4. adapter-pg rejects PostgreSQL's "char" type (OID 18) -> lib/adapters.mjs acceptCharType()
//   5. adapter-pg's shadow database lands in the main database and is dropped too early
//        -> lib/adapters.mjs connectPgShadow()
//   6. `migrate diff` returns its output instead of printing it -> diffAndPrint() below
//   7. PostgreSQL `migrate dev` on a database that was behind: evaluateDataLoss/createMigration
//      find no shadow database ("must be provided through an external factory")
//        -> warmShadowSchema() below
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import pg from "pg";
import { createAdapterFactory } from "./lib/adapters.mjs";
import { lastPanicMessage, loadSchemaEngineWasm } from "./lib/wasm-engine.mjs";
import {
  createDatabase,
  dropDatabase,
  pgClientConfig,
  pgDatabaseName,
  pgServerOf,
  providerOf,
  sqliteFilePath,
} from "./lib/databases.mjs";

const require = createRequire(import.meta.url);

/** The engine's git hash, as `schema-engine --version` reports it ("7.10.0-4.<hash>" → "<hash>"). */
function engineVersion() {
  const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { version } = JSON.parse(fs.readFileSync(path.join(wasmDir, "package.json"), "utf8"));
  return version.split(".").at(-1);
}

// ---------------------------------------------------------------------------------------------
// Logging: the native engine writes tracing events as JSON lines on stderr, and the CLI reads them.

function log(level, message, extra = {}) {
  const fields = { message, ...extra };
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`,
  );
}

const debugEnabled = Boolean(process.env.GRANTDESK_SCHEMA_ENGINE_DEBUG);
function debug(message, extra) {
  if (debugEnabled) log("DEBUG", message, extra);
}

/** An error the CLI shows as "<code>: <message>" (the native engine's user-facing errors). */
class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i++; // not used by the wasm engine
    else if (arg === "cli") args.cli = argv[++i];
    else throw new Error(`schema-engine stand-in: unknown argument ${arg}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
    return 0;
  }
  if (!args.datasource?.url)
    throw new Error("schema-engine stand-in: --datasource with a url is required");
  const datasource = { ...args.datasource, url: absoluteUrl(args.datasource.url) };
  if (datasource.shadowDatabaseUrl)
    datasource.shadowDatabaseUrl = absoluteUrl(datasource.shadowDatabaseUrl);

  if (args.cli) return runCliCommand(args.cli, datasource.url);
  await new JsonRpcServer(datasource, args.datamodels).run();
  return 0;
}

/** SQLite URLs relative to the working directory (the CLI starts us in the config's folder). */
function absoluteUrl(url) {
  return providerOf(url) === "sqlite" ? `file:${sqliteFilePath(url)}` : url;
}

// ---------------------------------------------------------------------------------------------
// `cli <command>`: the one-shot commands `migrate deploy`/`dev` use to create a missing database.

async function runCliCommand(command, url) {
  log("INFO", `Starting schema engine stand-in (wasm), cli ${command}`); // the CLI skips this first line
  try {
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") await createDatabase(url);
    else if (command === "drop-database") await dropDatabase(url);
    else throw new Error(`Unknown cli command: ${command}`);
    return 0;
  } catch (error) {
    const { code, message } = connectionError(error, url);
    log("ERROR", message, code ? { error_code: code } : {});
    return 1;
  }
}

/** Connect and run a trivial query; a missing database must come out as P1003. */
async function canConnect(url) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (!fs.existsSync(file)) {
      throw new UserFacingError(
        "P1003",
        `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`,
      );
    }
    const db = new Database(file, { fileMustExist: true });
    try {
      db.prepare("SELECT 1").get();
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client(pgClientConfig(url));
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** node-postgres / better-sqlite3 errors as the native engine's P1000/P1001/P1003. */
function connectionError(error, url) {
  if (error instanceof UserFacingError) return error;
  if (providerOf(url) === "postgresql") {
    const server = pgServerOf(url);
    if (error.code === "3D000") {
      return {
        code: "P1003",
        message: `Database \`${pgDatabaseName(url)}\` does not exist on the database server at \`${server}\`.`,
      };
    }
    if (error.code === "28P01" || error.code === "28000") {
      const user = decodeURIComponent(new URL(url).username || "");
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      };
    }
    if (
      ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"].includes(error.code)
    ) {
      return {
        code: "P1001",
        message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
      };
    }
  }
  return { code: undefined, message: error?.message ?? String(error) };
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server

/** Requests the wasm engine answers under the same name. */
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "schemaPush",
]);

/** The native engine's `_prisma_migrations` DDL, per provider (fault 1). */
const MIGRATIONS_TABLE_DDL = {
  sqlite: `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgresql: `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`,
};

class JsonRpcServer {
  constructor(datasource, datamodelPaths) {
    this.datasource = datasource;
    this.provider = providerOf(datasource.url);
    this.datamodelPaths = datamodelPaths;
    this.queue = Promise.resolve(); // the engine is single-threaded: one request at a time
    this.pendingPrints = new Map(); // id -> resolve, for our `print` requests to the CLI
    this.nextPrintId = 1_000_000_000; // far from the CLI's own ids
  }

  run() {
    return new Promise((resolve) => {
      // The CLI stops us by closing stdin (once every request is answered) and, on Linux, sends
      // SIGTERM right away. A signal may also come mid-request (Ctrl-C): then don't wait for it,
      // just close the connections (which drops a temporary shadow database) and go.
      process.once("SIGTERM", () => this.shutdown({ waitForRequests: false }).then(resolve));
      process.once("SIGINT", () => this.shutdown({ waitForRequests: false }).then(resolve));
      process.on("uncaughtException", (error) => this.onUncaught(error));
      readline
        .createInterface({ input: process.stdin, crlfDelay: Infinity })
        .on("line", (line) => this.onLine(line))
        .on("close", () => this.shutdown({ waitForRequests: true }).then(resolve));
    });
  }

  onLine(line) {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return this.send({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32700, message: "Parse error" },
      });
    }
    if (message.method !== undefined) {
      this.queue = this.queue.then(() => this.handle(message));
    } else if (this.pendingPrints.has(message.id)) {
      this.pendingPrints.get(message.id)();
      this.pendingPrints.delete(message.id);
    }
  }

  send(message) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  async handle({ id, method, params }) {
    debug(`request ${method}`, { id });
    this.current = { id, method };
    try {
      const result = await this.dispatch(method, params ?? {});
      this.send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      debug(`request ${method} failed`, { id, error: String(error?.stack ?? error) });
      this.send({ jsonrpc: "2.0", id, error: this.rpcError(error, method) });
    } finally {
      this.current = undefined;
    }
  }

  /**
   * A Rust panic inside the engine surfaces as a WebAssembly.RuntimeError thrown from a queued
   * microtask, not as a rejection of the request's promise: answer the request in flight with the
   * panic (the CLI reports it as such) and exit as the native engine does after a panic (101).
   */
  onUncaught(error) {
    if (this.current)
      this.send({
        jsonrpc: "2.0",
        id: this.current.id,
        error: this.rpcError(error, this.current.method),
      });
    log("ERROR", lastPanicMessage() || String(error?.stack ?? error));
    Promise.resolve(this.adapters?.dispose()).finally(() => process.exit(101));
    setTimeout(() => process.exit(101), 2000).unref();
  }

  dispatch(method, params) {
    switch (method) {
      case "createDatabase":
        return this.createDatabase(params);
      case "getDatabaseVersion":
        return this.engine().then((engine) => engine.version(params));
      case "reset":
        return this.reset(params);
      case "diff":
        return this.diffAndPrint(params);
      case "debugPanic": // FORCE_PANIC_SCHEMA_ENGINE=1: the CLI's own test of panic reporting
        return this.engine().then((engine) => engine.debugPanic());
      default:
        if (ENGINE_METHODS.has(method)) return this.callEngine(method, params);
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
  }

  /** The wasm engine, started on first use (it connects to the database when created). */
  engine() {
    this.enginePromise ??= (async () => {
      const glue = await loadSchemaEngineWasm();
      this.adapters = createAdapterFactory(this.mainDatasource());
      const datamodels = this.datamodelPaths.length
        ? this.datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")])
        : undefined;
      const forwardLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
      return glue.SchemaEngine.new({ datamodels }, forwardLog, this.adapters.factory);
    })();
    return this.enginePromise;
  }

  /**
   * The database the engine connects to. The wasm engine opens its main connection when created,
   * whatever the request; for SQLite that would create the file (or fail on a missing folder)
   * where the native engine touches nothing. The CLI creates the file itself before the commands
   * that need one (migrate deploy/dev, db push) and refuses to go on without one (migrate status,
   * resolve), so a missing file here means a request that does not need it (migrate diff from
   * migrations or a schema): give it a scratch in-memory database instead.
   */
  mainDatasource() {
    if (this.provider === "sqlite" && !fs.existsSync(sqliteFilePath(this.datasource.url))) {
      debug("SQLite file missing: the engine gets an in-memory main database");
      return { ...this.datasource, url: "file::memory:" };
    }
    return this.datasource;
  }

  async createDatabase({ datasource }) {
    const url = absoluteUrl(datasource?.url ?? this.datasource.url);
    await createDatabase(url);
    return {
      databaseName:
        providerOf(url) === "sqlite" ? path.basename(sqliteFilePath(url)) : pgDatabaseName(url),
    };
  }

  /**
   * Run an engine request; when it fails in one of the known ways below, repair the cause and
   * retry it once.
   */
  async callEngine(method, params) {
    const engine = await this.engine();
    try {
      return await engine[method](params);
    } catch (error) {
      if (!(await this.repair(method, params, error))) throw error;
      return engine[method](params);
    }
  }

  /** Fix what made `method` fail, if it is a known fault of the wasm path; true when fixed. */
  async repair(method, params, error) {
    const message = String(error?.message ?? "");
    if (error?.code === "P1014" && message.includes("_prisma_migrations")) {
      await this.createMigrationsTable(method);
      return true;
    }
    if (
      message.includes("shadow DB must be provided through an external factory") &&
      params.migrationsList
    ) {
      await this.warmShadowSchema(params);
      return true;
    }
    return false;
  }

  /**
   * Fault 1. On a database without `_prisma_migrations`, the wasm engine fails with P1014 ("the
   * underlying table … does not exist") where the native engine reads an empty history and
   * creates the table. Do what the native engine does: create it with the native DDL (then the
   * request is retried). Except that `migrate deploy` into a database that already holds tables
   * must refuse, as the native engine does (P3005), rather than run the first migration over them.
   */
  async createMigrationsTable(method) {
    if (method === "applyMigrations" && (await this.databaseHasTables())) {
      throw new UserFacingError(
        "P3005",
        "The database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline",
      );
    }
    debug("creating _prisma_migrations (the wasm engine reported P1014)", { method });
    await this.adapters.mainAdapter().executeScript(MIGRATIONS_TABLE_DDL[this.provider]);
  }

  /**
   * Fault 7 (found while verifying this stand-in). For PostgreSQL, the wasm engine hands its
   * adapter factory (and so a shadow database) to devDiagnostic, diagnoseMigrationHistory and
   * diff, but not to evaluateDataLoss and createMigration: those only find the schema of the
   * migration history in the cache the others fill, and fail with "PostgreSQL shadow DB must be
   * provided through an external factory" when it is cold. That happens in `migrate dev` on a
   * database that was behind: devDiagnostic then has no drift to check and computes nothing.
   * Fill the cache the way devDiagnostic would (the request is retried then).
   */
  async warmShadowSchema({ migrationsList, filters }) {
    debug("computing the migration history's schema in a shadow database (cold cache)");
    const engine = await this.engine();
    await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: true,
      filters: filters ?? { externalTables: [], externalEnums: [] },
    });
  }

  /** Whether the database (its current schema, for PostgreSQL) holds any table. */
  async databaseHasTables() {
    const sql =
      this.provider === "sqlite"
        ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        : "SELECT count(*)::int FROM information_schema.tables WHERE table_schema = current_schema()";
    const { rows } = await this.adapters.mainAdapter().queryRaw({ sql, args: [], argTypes: [] });
    return Number(rows[0][0]) > 0;
  }

  reset(params) {
    return this.provider === "sqlite"
      ? this.resetSqlite()
      : this.engine().then((engine) => engine.reset(params));
  }

  /**
   * Fault 3. The wasm engine's SQLite reset is a silent no-op (the native one empties the file,
   * which the wasm engine cannot reach). Drop every view, trigger and table (indexes go with
   * their tables) through the engine's own connection, foreign keys off while doing so.
   */
  async resetSqlite() {
    await this.engine();
    const main = this.adapters.mainAdapter();
    const query = async (sql) => (await main.queryRaw({ sql, args: [], argTypes: [] })).rows;
    const objects = await query(
      "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'trigger', 'table')",
    );
    const order = { view: 0, trigger: 1, table: 2 };
    const drops = objects
      .sort((a, b) => order[a[0]] - order[b[0]])
      .map(
        ([type, name]) =>
          `DROP ${type.toUpperCase()} IF EXISTS "${String(name).replaceAll('"', '""')}";`,
      );
    const [[foreignKeys]] = await query("PRAGMA foreign_keys");
    await main.executeScript(
      [
        "PRAGMA foreign_keys = OFF;",
        ...drops,
        `PRAGMA foreign_keys = ${Number(foreignKeys) ? "ON" : "OFF"};`,
        "VACUUM;",
      ].join("\n"),
    );
    debug(`reset: dropped ${drops.length} objects`);
    return {};
  }

  /**
   * Fault 6. The native engine prints the diff by sending the CLI a `print` request (the CLI
   * writes its content to stdout, which `--output` captures); the wasm engine returns the text
   * in `stdout` instead. Send it the native way, then answer with the rest (the exit code).
   */
  async diffAndPrint(params) {
    const engine = await this.engine();
    const { stdout, ...rest } = await engine.diff(params);
    if (stdout) await this.print(stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout); // the CLI adds "\n"
    return rest;
  }

  print(content) {
    const id = this.nextPrintId++;
    return new Promise((resolve) => {
      this.pendingPrints.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  /** An error in the native engine's JSON-RPC shape (what the CLI's error handling reads). */
  rpcError(error, method) {
    if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
    if (error instanceof WebAssembly.RuntimeError) {
      // The CLI shows a panic's `message` (it reads data.error.message, else message).
      const message = lastPanicMessage() || error.message;
      return {
        code: 4466,
        message,
        data: { is_panic: true, message, backtrace: error.stack, method },
      };
    }
    const code =
      typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: {
        is_panic: false,
        message: this.describe(error),
        meta: error?.meta ?? {},
        ...(code ? { error_code: code } : {}),
      },
    };
  }

  /**
   * The message of an engine error: without the Rust span trace the wasm engine appends
   * ("   0: sql_schema_connector::…"), which the native engine does not show; and for a JS error
   * raised inside an adapter ("External error id#N"), that error's own message.
   */
  describe(error) {
    const message = String(error?.message ?? error)
      .replace(/\n {3}0: \w+::[\s\S]*$/, "")
      .trimEnd();
    const generic = /External error id#(\d+)/.exec(message);
    const original =
      generic && this.adapters?.factory.errorRegistry.consumeError(Number(generic[1]));
    return original ? String(original.error?.message ?? original.error) : message;
  }

  /** Free the engine and close every connection (dropping a shadow database left behind). */
  shutdown({ waitForRequests }) {
    this.shutdownPromise ??= (async () => {
      if (waitForRequests) await this.queue.catch(() => {});
      const engine = waitForRequests ? await this.enginePromise?.catch(() => undefined) : undefined;
      try {
        engine?.free(); // only when idle: freeing it under a running request would trap
      } catch {
        // already freed, or poisoned by a panic: nothing left to release
      }
      await this.adapters?.dispose();
    })();
    return this.shutdownPromise;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log("ERROR", error?.stack ?? String(error));
    process.exit(1);
  },
);
