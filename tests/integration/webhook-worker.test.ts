// Deliveries are parsed and stored by the ingestion worker. If it stops, what it had not answered
// is answered 503 (Dodo redelivers), a new worker takes the next delivery, and redeliveries of
// what it had stored meanwhile are duplicates: every delivery ends up stored exactly once.
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { configureWebhookSecrets, deliver, grantEvent, SECRET } from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");

type ThreadHandle = { worker: { terminate(): Promise<number>; threadId: number } };
const currentThread = () =>
  (globalThis as unknown as { grantdeskIngestThread?: ThreadHandle }).grantdeskIngestThread;

describe(`the ingestion worker (${provider})`, () => {
  it("stopping mid-flight answers 503 for what it had not answered; redeliveries store each exactly once", async () => {
    const envelope = (n: number) =>
      grantEvent("created", { id: `grant_worker_${n}`, updated_at: "2026-03-01T10:00:00Z" });
    await deliver(envelope(0), { id: "msg_worker_0" }); // the worker is up
    const first = currentThread();
    expect(first).toBeDefined();

    const inFlight = Array.from({ length: 40 }, (_, n) =>
      deliver(envelope(n + 1), { id: `msg_worker_${n + 1}` }),
    );
    await new Promise((resolve) => setImmediate(resolve)); // requests sent to the worker
    const stopped = performance.now();
    void first!.worker.terminate();
    const answers = await Promise.all(inFlight);
    // Answered when the worker exits, not after the 10 s answer timeout.
    expect(performance.now() - stopped).toBeLessThan(5_000);

    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    const refused = answers.flatMap((a, n) => (a.status === 503 ? [n + 1] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const n of refused) expect(answers[n - 1]!.headers.get("retry-after")).toMatch(/^\d+$/);

    // Dodo redelivers every one it did not get a 2xx for; a new worker takes them.
    const redelivered = await Promise.all(
      refused.map((n) => deliver(envelope(n), { id: `msg_worker_${n}` })),
    );
    expect(redelivered.map((a) => a.status)).toEqual(refused.map(() => 200));
    expect(currentThread()).not.toBe(first);

    const db = await getDb();
    expect(await db.webhookEvent.count({ where: { id: { startsWith: "msg_worker_" } } })).toBe(41);
    expect(await db.grant.count({ where: { id: { startsWith: "grant_worker_" } } })).toBe(41);
  });
});
