// The group-commit queue: what arrives together is committed together, and every caller gets its
// own result (or its own error) only after the commit that holds its request.
import { describe, expect, it } from "vitest";
import type { Settled } from "@/lib/ingest/stores/store-request";
import { groupCommit } from "@/lib/ingest/stores/group-commit";

const ok = <T>(value: T): Settled<T> => ({ ok: true, value });

describe("groupCommit", () => {
  it("commits requests made in the same turn of the event loop as one batch", async () => {
    const batches: number[][] = [];
    const store = groupCommit((requests: number[]) => {
      batches.push(requests);
      return requests.map((n) => ok(n * 10));
    });
    const results = await Promise.all([1, 2, 3].map(store));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("commits a lone request without waiting for company, and later ones in a new batch", async () => {
    const batches: number[][] = [];
    const store = groupCommit((requests: number[]) => {
      batches.push(requests);
      return requests.map(ok);
    });
    expect(await store(1)).toBe(1);
    expect(await store(2)).toBe(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it("settles no caller before the batch's commit has returned", async () => {
    const events: string[] = [];
    const store = groupCommit((requests: string[]) => {
      events.push("commit");
      return requests.map(ok);
    });
    await Promise.all(["a", "b"].map((r) => store(r).then(() => events.push(`answered ${r}`))));
    expect(events).toEqual(["commit", "answered a", "answered b"]);
  });

  it("fails only the request whose own result is an error", async () => {
    const store = groupCommit((requests: number[]) =>
      requests.map((n) => (n === 2 ? { ok: false as const, error: new Error("bad 2") } : ok(n))),
    );
    const results = await Promise.allSettled([1, 2, 3].map(store));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("bad 2"));
  });

  it("fails every request of a batch whose commit throws, and still serves the next batch", async () => {
    let down = true;
    const store = groupCommit((requests: number[]) => {
      if (down) throw new Error("database is locked");
      return requests.map(ok);
    });
    const results = await Promise.allSettled([1, 2, 3].map(store));
    expect(
      results.every(
        (r) => r.status === "rejected" && (r.reason as Error).message === "database is locked",
      ),
    ).toBe(true);
    down = false;
    expect(await store(4)).toBe(4);
  });

  it("splits a large burst into batches of at most 64", async () => {
    const sizes: number[] = [];
    const store = groupCommit((requests: number[]) => {
      sizes.push(requests.length);
      return requests.map(ok);
    });
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => store(i)));
    expect(results).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(sizes).toEqual([64, 64, 22]);
  });
});

describe("groupCommit with an asynchronous commitBatch (PostgreSQL)", () => {
  it("commits requests made in the same turn as one batch and answers each with its own result", async () => {
    const batches: number[][] = [];
    const store = groupCommit(async (requests: number[]) => {
      batches.push(requests);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return requests.map((n) =>
        n === 2 ? { ok: false as const, error: new Error("bad 2") } : ok(n * 10),
      );
    });
    const results = await Promise.allSettled([1, 2, 3].map(store));
    expect(results).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("bad 2") },
      { status: "fulfilled", value: 30 },
    ]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("settles no caller before the batch's promise has resolved", async () => {
    const events: string[] = [];
    const store = groupCommit(async (requests: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push("commit");
      return requests.map(ok);
    });
    await Promise.all(["a", "b"].map((r) => store(r).then(() => events.push(`answered ${r}`))));
    expect(events).toEqual(["commit", "answered a", "answered b"]);
  });

  it("fails every request of a batch whose promise rejects, and still serves the next batch", async () => {
    let down = true;
    const store = groupCommit(async (requests: number[]) => {
      if (down) throw new Error("ECONNREFUSED");
      return requests.map(ok);
    });
    const results = await Promise.allSettled([1, 2, 3].map(store));
    expect(
      results.every(
        (r) => r.status === "rejected" && (r.reason as Error).message === "ECONNREFUSED",
      ),
    ).toBe(true);
    down = false;
    expect(await store(4)).toBe(4);
  });

  it("flushes the next batch while one is still in flight (a slow batch holds up nobody else)", async () => {
    let release!: () => void;
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const batches: number[][] = [];
    const store = groupCommit(async (requests: number[]) => {
      batches.push(requests);
      if (requests.includes(1)) await firstDone;
      return requests.map(ok);
    });
    const first = store(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store(2)).toBe(2);
    release();
    expect(await first).toBe(1);
    expect(batches).toEqual([[1], [2]]);
  });

  it("rejects, rather than leaves hanging, a request the batch returned no result for", async () => {
    const store = groupCommit(async (requests: number[]) => requests.slice(0, 1).map(ok));
    const results = await Promise.allSettled([1, 2].map(store));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
  });
});
