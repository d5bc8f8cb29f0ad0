// Before each integration test file: its own database, cloned from the migrated template, named
// by DATABASE_URL before any lib/ module reads the environment.
import { afterAll, inject } from "vitest";
import { cloneTemplate, uniqueName } from "./test-databases";

const provider = inject("testProvider");
const database = await cloneTemplate(provider, inject("testTemplate"), uniqueName("test"));
process.env.DATABASE_URL = database.url;
// Required with PostgreSQL; the same fixed one on SQLite keeps the test from writing a secret file.
process.env.AUTH_SECRET ??= "test-secret-for-grantdesk-integration-tests-0123456789";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});
