// Counts webhook deliveries refused for their signature, per minute, for the signature rule. The
// route only bumps a counter in memory; a flush a second later writes the counts in one upsert
// per minute, off the request, and a database problem here is logged, never answered: a flood of
// forged deliveries must cost the database one write a second, not one per request.
import "server-only";

const FLUSH_AFTER_MS = 1_000;
const pending = new Map<number, number>();
let timer: NodeJS.Timeout | undefined;

const minuteOf = (at: Date) => Math.floor(at.getTime() / 60_000) * 60_000;

export function noteSignatureFailure(at = new Date()): void {
  const minute = minuteOf(at);
  pending.set(minute, (pending.get(minute) ?? 0) + 1);
  timer ??= setTimeout(() => {
    timer = undefined;
    void flushSignatureFailures();
  }, FLUSH_AFTER_MS);
}

/** Writes the counts so far (the timer calls it; tests too). */
export async function flushSignatureFailures(): Promise<void> {
  const counts = [...pending];
  pending.clear();
  if (counts.length === 0) return;
  try {
    // Loaded here: the webhook route's module stays free of Prisma until a failure needs it.
    const { getDb } = await import("../db");
    const db = await getDb();
    for (const [ms, count] of counts) {
      const minute = new Date(ms);
      await db.signatureFailureCount.upsert({
        where: { minute },
        create: { minute, count },
        update: { count: { increment: count } },
      });
    }
  } catch (error) {
    console.error(`alerts: signature failure counts not written: ${(error as Error).message}`);
  }
}
