import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { emptyDatabase, migrate, uniqueName } from "../support/test-databases";

const root = path.join(import.meta.dirname, "../..");
const provider = inject("testProvider");
const database = emptyDatabase(provider, inject("testServerUrl"), uniqueName("migrations"));

function status(url: string): string {
  return execFileSync("npm", ["run", "--silent", "db:status"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

describe(`migrations (${provider})`, () => {
  afterAll(() => database.drop());

  it("apply to a database that does not exist yet, then report clean", () => {
    migrate(database.url);
    expect(status(database.url)).toContain("Database schema is up to date");
  });

  it("are a no-op the second time", () => {
    migrate(database.url);
    expect(status(database.url)).toContain("Database schema is up to date");
  });

  it("create the Grant and WebhookEvent tables", async () => {
    process.env.DATABASE_URL = database.url;
    const { getDb, disconnectDb } = await import("@/lib/db");
    const db = await getDb();
    expect(await db.grant.count()).toBe(0);
    expect(await db.webhookEvent.count()).toBe(0);
    await disconnectDb();
  });
});
