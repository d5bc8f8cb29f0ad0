// A Vercel function instance is frozen between requests. While it is, no timer runs — not the
// pool's idle timeout either — and the connections it holds may die silently (a NAT or the
// pooler forgets them: no FIN, no RST, nothing to read). When the instance thaws, the first
// request must not be handed such a connection: it would wait for an answer that never comes
// (the worker answers 503 after 10 s). Both pools (Prisma's, lib/db.ts, and the ingestion
// worker's) are opened by openPostgresPool; this freezes the thread it runs on for real.
import { afterAll, describe, expect, inject, it } from "vitest";
import { PG_IDLE_TIMEOUT_MS, openPostgresPool } from "@/lib/db-driver";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const provider = inject("testProvider");

/** Blocks this thread's event loop the way a frozen process is blocked: no timer, no I/O. */
function freezeThread(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms),
  );

describe.skipIf(provider !== "postgresql")("a pool whose connections died while frozen", () => {
  let proxy: TcpProxy | undefined;
  afterAll(() => proxy?.close());

  it("answers the first query after thawing on a fresh connection, at once", async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const url = new URL(target);
    url.port = String(proxy.port);
    const pool = openPostgresPool(url.toString(), 4);
    try {
      // Two connections in use at once, then both idle in the pool.
      await Promise.all([pool.query("SELECT pg_sleep(0.05)"), pool.query("SELECT pg_sleep(0.05)")]);
      expect(pool.idleCount).toBe(2);

      proxy.blackhole();
      freezeThread(PG_IDLE_TIMEOUT_MS + 1_000);

      const started = performance.now();
      const { rows } = await Promise.race([pool.query("SELECT 1 AS one"), timeout(3_000)]);
      expect(rows).toEqual([{ one: 1 }]);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      // The silent clients never finish ending; the pool's own end does not wait for them.
      void pool.end();
    }
  });
});
