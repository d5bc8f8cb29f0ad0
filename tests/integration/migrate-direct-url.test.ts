// db:migrate and db:status work on DIRECT_DATABASE_URL when it is set, so a deployment can keep a
// pooled DATABASE_URL for the app and migrate through a direct connection (Prisma's Vercel guide).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "@/lib/database-url.mjs";
import { emptyDatabase, removeSqliteFiles, uniqueName } from "../support/test-databases";

const root = path.join(import.meta.dirname, "../..");
const provider = inject("testProvider");
const direct = emptyDatabase(provider, inject("testServerUrl"), uniqueName("direct"));
// What the app would use: a pooler nothing listens on, or a SQLite file that must stay unmade.
const pooled =
  provider === "postgresql"
    ? "postgresql://pooler:secret@127.0.0.1:1/grantdesk?pgbouncer=true"
    : `file:${path.join(path.dirname(sqliteFilePath(direct.url)), `${uniqueName("pooled")}.db`)}`;

function npmRun(script: string, vars: Record<string, string>): string {
  return execFileSync("npm", ["run", "--silent", script], {
    cwd: root,
    env: { ...process.env, ...vars },
    encoding: "utf8",
    stdio: "pipe",
  });
}

describe(`DIRECT_DATABASE_URL (${provider})`, () => {
  afterAll(async () => {
    await direct.drop();
    if (provider === "sqlite") removeSqliteFiles(sqliteFilePath(pooled));
  });

  it("is what db:migrate migrates, while DATABASE_URL points elsewhere", () => {
    npmRun("db:migrate", { DATABASE_URL: pooled, DIRECT_DATABASE_URL: direct.url });
    expect(npmRun("db:status", { DATABASE_URL: direct.url })).toContain(
      "Database schema is up to date",
    );
    if (provider === "sqlite") expect(fs.existsSync(sqliteFilePath(pooled))).toBe(false);
  });

  it("is what db:status reads", () => {
    expect(
      npmRun("db:status", { DATABASE_URL: pooled, DIRECT_DATABASE_URL: direct.url }),
    ).toContain("Database schema is up to date");
  });
});
