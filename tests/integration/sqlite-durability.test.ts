// Every SQLite connection the app opens commits with synchronous=FULL. The setting is per
// connection and better-sqlite3 defaults a connection on a WAL file to NORMAL (commits not
// fsynced), so each one — Prisma's, the driver beside it, the ingestion worker's — sets it itself.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "@/lib/database-url.mjs";
import { closeDriver, openDriver, type Driver } from "@/lib/db-driver";

const FULL = 2;
const NORMAL = 1;
const provider = inject("testProvider");

describe.skipIf(provider !== "sqlite")("SQLite durability", () => {
  const opened: Driver[] = [];
  afterAll(async () => {
    for (const driver of opened) await closeDriver(driver);
  });

  const file = () => sqliteFilePath(process.env.DATABASE_URL!);

  it("a plain connection on the WAL file would run NORMAL (why the app sets FULL)", async () => {
    const { getDriver } = await import("@/lib/db");
    getDriver(); // the app's first connection turns the file to WAL
    const plain = new BetterSqlite3(file());
    try {
      expect(plain.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(plain.pragma("synchronous", { simple: true })).toBe(NORMAL);
    } finally {
      plain.close();
    }
  });

  it("Prisma's connection runs FULL", async () => {
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    const [row] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    expect(Number(row!.synchronous)).toBe(FULL);
  });

  it("the driver beside Prisma (sync, reprocessing) runs FULL", async () => {
    const { getDriver } = await import("@/lib/db");
    const driver = getDriver();
    if (driver.provider !== "sqlite") throw new Error("expected the SQLite driver");
    expect(Number(driver.sqlite.pragma("synchronous", { simple: true }))).toBe(FULL);
  });

  it("the ingestion worker's connection (openDriver) runs FULL, as second and later opener", () => {
    for (let i = 0; i < 2; i++) {
      const driver = openDriver(process.env.DATABASE_URL!, { pgPoolSize: 1 });
      opened.push(driver);
      if (driver.provider !== "sqlite") throw new Error("expected the SQLite driver");
      expect(driver.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(Number(driver.sqlite.pragma("synchronous", { simple: true }))).toBe(FULL);
    }
  });
});
