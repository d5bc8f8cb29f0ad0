// Throwaway databases for integration tests. A template is migrated once per run (globalSetup);
// every test file then gets its own copy, so files never see each other's rows.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type TestProvider = "sqlite" | "postgresql";

export const TEST_DIR = path.join(import.meta.dirname, "../../.tmp/test");

export function testProvider(): TestProvider {
  const value = process.env.TEST_DATABASE_PROVIDER ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql")
    throw new Error(`TEST_DATABASE_PROVIDER must be sqlite or postgresql, got ${value}`);
  return value;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs `npm run db:migrate` against url, as a person would. */
export function migrate(url: string): void {
  execFileSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: path.join(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

/** The URL of database `name` on the same server as serverUrl. */
export function postgresUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withPostgresAdmin<T>(
  serverUrl: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { url: string; drop: () => Promise<void> };

/** A fresh copy of the migrated template. */
export async function cloneTemplate(
  provider: TestProvider,
  template: string,
  name: string,
): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const file = path.join(TEST_DIR, `${name}.db`);
    fs.copyFileSync(template, file);
    return { url: `file:${file}`, drop: async () => removeSqliteFiles(file) };
  }
  const serverUrl = template;
  const templateName = new URL(serverUrl).pathname.slice(1);
  await withPostgresAdmin(serverUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`),
  );
  return { url: postgresUrl(serverUrl, name), drop: () => dropPostgresDatabase(serverUrl, name) };
}

/** An empty database that does not exist yet (the migration tests create it). */
export function emptyDatabase(
  provider: TestProvider,
  serverUrl: string | undefined,
  name: string,
): TestDatabase {
  if (provider === "sqlite") {
    const file = path.join(TEST_DIR, `${name}.db`);
    return { url: `file:${file}`, drop: async () => removeSqliteFiles(file) };
  }
  if (!serverUrl) throw new Error("no PostgreSQL server for the integration tests");
  return { url: postgresUrl(serverUrl, name), drop: () => dropPostgresDatabase(serverUrl, name) };
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await withPostgresAdmin(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

export function removeSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(`${file}${suffix}`, { force: true });
}
