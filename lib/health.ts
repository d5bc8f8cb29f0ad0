import "server-only";
import { databaseProvider, getDb } from "./db";

const HEALTH_TIMEOUT_MS = 3_000;

export type HealthReport =
  | { ok: true; database: "sqlite" | "postgresql" }
  | { ok: false; database: "sqlite" | "postgresql"; error: string };

/** One round trip to the database, bounded so a hung connection cannot hang the probe. */
export async function checkHealth(): Promise<HealthReport> {
  const database = databaseProvider();
  try {
    const db = await getDb();
    // A table of ours, not just SELECT 1: an unmigrated database is not healthy either.
    await withTimeout(
      db.$queryRawUnsafe('SELECT 1 FROM "WebhookEvent" LIMIT 1'),
      HEALTH_TIMEOUT_MS,
    );
    return { ok: true, database };
  } catch (error) {
    return { ok: false, database, error: describeDatabaseError(error) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short reason without connection strings or credentials. */
function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/no such table|does not exist/i.test(message) && /WebhookEvent/.test(message))
    return "the database has no tables yet: run npm run db:migrate";
  const firstLine = message.split("\n").find((line) => line.trim()) ?? "unknown error";
  return firstLine.replace(/\/\/[^@\s]*@/g, "//***@").slice(0, 200);
}
