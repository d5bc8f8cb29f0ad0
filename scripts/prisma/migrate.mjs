#!/usr/bin/env node
// `npm run db:migrate`: apply the committed migrations to the database DIRECT_DATABASE_URL names,
// else DATABASE_URL (`prisma migrate deploy`), creating the database first when it does not exist
// yet. DIRECT_DATABASE_URL is for a pooled DATABASE_URL: migrations want a direct connection.
//
// DATABASE_URL unset means the embedded SQLite file data/grantdesk.db (see lib/database-url.mjs).
// The Prisma CLI itself creates a missing database before deploying (its schema engine's
// `create-database`: the SQLite file, or CREATE DATABASE on the PostgreSQL server); for SQLite we
// also make sure the file's folder (data/) exists. Extra arguments go to `migrate deploy`.
import fs from "node:fs";
import path from "node:path";
import {
  migrationDatabaseUrl,
  providerOf,
  resolveDatabaseUrl,
  sqliteFilePath,
} from "./lib/databases.mjs";
import { runPrisma } from "./prisma.mjs";

const url = resolveDatabaseUrl(migrationDatabaseUrl(process.env));
if (providerOf(url) === "sqlite")
  fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });

const { code } = await runPrisma(["migrate", "deploy", ...process.argv.slice(2)], {
  cwd: process.cwd(),
  forwardSignals: true,
});
if (code !== 0 && providerOf(url) === "sqlite") {
  // Prisma migrates SQLite under PRAGMA locking_mode=EXCLUSIVE: with another process (a running
  // Grantdesk) holding the file open, the engine's first read gets SQLITE_BUSY, which the wasm
  // engine reports as "unknown variant `SocketTimeout`" (docs/database.md).
  console.error(
    "\nIf Grantdesk (or anything else) is running on this SQLite file, stop it and run npm run db:migrate again.",
  );
}
process.exit(code);
