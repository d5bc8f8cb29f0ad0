// A sync cut off mid-run (a serverless time limit, a restart) must not block the next one: the
// heartbeat, the running slot and resuming, against the local Dodo stand-in and a real database.
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { startDodoMock } from "../../scripts/dodo-mock/server";
import { testViewer } from "../support/viewers";

const provider = inject("testProvider");
const mock = await startDodoMock({ apiKey: "test_dodo_key" });
process.env.DODO_PAYMENTS_API_KEY = "test_dodo_key";
process.env.DODO_PAYMENTS_BASE_URL = mock.url;

const { getDb } = await import("@/lib/db");
const { runSync } = await import("@/lib/dodo/sync");
const { beginSync, SyncBusyError } = await import("@/lib/dodo/sync-runs");
const { syncRunState, syncTimings } = await import("@/lib/dodo/sync-run-state");
const admin = testViewer("admin");
const defaults = { ...syncTimings };

afterAll(() => mock.stop());

beforeEach(async () => {
  mock.reset();
  await (await getDb()).syncRun.deleteMany();
});

afterEach(() => Object.assign(syncTimings, defaults));

const ago = (ms: number) => new Date(Date.now() - ms);
const MINUTE = 60_000;

/** A run left "running" by a process that died, last heard from `silentForMs` ago. */
async function leftRunning(id: string, silentForMs: number, extra: Record<string, unknown> = {}) {
  const db = await getDb();
  return db.syncRun.create({
    data: {
      id,
      trigger: "dashboard",
      startedBy: "earlier@test.example",
      status: "running",
      runningSlot: "sync",
      startedAt: ago(silentForMs + 5 * MINUTE),
      heartbeatAt: ago(silentForMs),
      ...extra,
    },
  });
}

const readRun = async (id: string) => (await getDb()).syncRun.findUniqueOrThrow({ where: { id } });

function addGrants(entitlementId: string, count: number) {
  mock.addEntitlement({ id: entitlementId, integration_type: "license_key" });
  for (let i = 0; i < count; i++)
    mock.addGrant({
      id: `grant_${entitlementId}_${i}`,
      entitlement_id: entitlementId,
      customer_id: `cus_${i % 5}`,
      status: "Delivered",
    });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`sync heartbeat (${provider})`, () => {
  it("a run silent for 3 minutes shows as interrupted, does not block, and is marked so by the next start", async () => {
    const stale = await leftRunning("run_stale", 3 * MINUTE, {
      entitlements: 4,
      entitlementsDone: 1,
    });
    expect(syncRunState(stale)).toBe("interrupted");

    const runId = await beginSync(admin, "dashboard");
    expect(await readRun("run_stale")).toMatchObject({
      status: "interrupted",
      runningSlot: null,
      entitlementsDone: 1,
    });
    expect(await readRun(runId)).toMatchObject({ status: "running", runningSlot: "sync" });
  });

  it("a fresh heartbeat blocks, however long ago the run started", async () => {
    const live = await leftRunning("run_live", 10_000, { startedAt: ago(90 * MINUTE) });
    expect(syncRunState(live)).toBe("running");
    await expect(beginSync(admin, "cli")).rejects.toBeInstanceOf(SyncBusyError);
    expect(await readRun("run_live")).toMatchObject({ status: "running", runningSlot: "sync" });
    expect(await (await getDb()).syncRun.count()).toBe(1);
  });

  it("of simultaneous starts, exactly one begins (with or without an interrupted run before)", async () => {
    const db = await getDb();
    for (let round = 0; round < 6; round++) {
      await db.syncRun.deleteMany();
      if (round % 2 === 0) await leftRunning(`run_stale_${round}`, 3 * MINUTE);
      const starts = await Promise.allSettled([1, 2, 3].map(() => beginSync(admin, "dashboard")));
      const begun = starts.filter((start) => start.status === "fulfilled");
      const refused = starts.filter((start) => start.status === "rejected");
      expect(begun).toHaveLength(1);
      for (const start of refused) expect(start.reason).toBeInstanceOf(SyncBusyError);
      expect(await db.syncRun.count({ where: { status: "running" } })).toBe(1);
    }
  });

  it("the heartbeat advances during a long sync, also while one slow page is awaited", async () => {
    syncTimings.heartbeatEveryMs = 100;
    addGrants("ent_hb_slow", 150); // two pages: 100 and 50
    mock.injectFault({
      method: "GET",
      path: "/entitlements/ent_hb_slow/grants",
      delayMs: 800,
      times: 2,
    });
    const db = await getDb();
    const sync = runSync(admin, { trigger: "dashboard" });
    const run = await waitFor(
      () => db.syncRun.findFirst(),
      (row) => row !== null,
    );
    // The total is written with the first beat after the listing; the first page of grants is
    // 800 ms late. A row with the total but no grant yet can only come from the timer's beat.
    const beforeFirstPage = await waitFor(
      () => readRun(run!.id),
      (row) => row.entitlements === 1 || row.seen > 0,
    );
    expect(beforeFirstPage).toMatchObject({ entitlements: 1, seen: 0, status: "running" });
    const midway = await waitFor(
      () => readRun(run!.id),
      (row) => row.seen === 100,
    );
    expect(midway).toMatchObject({ status: "running", entitlements: 1, entitlementsDone: 0 });

    const result = await sync;
    expect(result.status).toBe("succeeded");
    const finished = await readRun(result.runId);
    expect(finished).toMatchObject({
      status: "succeeded",
      runningSlot: null,
      seen: 150,
      entitlements: 1,
      entitlementsDone: 1,
      doneEntitlementIds: ["ent_hb_slow"],
    });
    expect(finished.heartbeatAt!.getTime()).toBeGreaterThan(midway.heartbeatAt!.getTime());
  });

  it("a run marked interrupted while it still goes stops at its next step and stays interrupted", async () => {
    addGrants("ent_hb_taken", 150);
    mock.injectFault({
      method: "GET",
      path: "/entitlements/ent_hb_taken/grants",
      delayMs: 500,
      times: 2,
    });
    const db = await getDb();
    const sync = runSync(admin, { trigger: "dashboard" });
    const run = await waitFor(
      () => db.syncRun.findFirst(),
      (row) => row !== null,
    );
    await db.syncRun.update({
      where: { id: run!.id },
      data: { status: "interrupted", runningSlot: null },
    });
    const result = await sync;
    expect(result.status).toBe("interrupted");
    const after = await readRun(run!.id);
    expect(after).toMatchObject({ status: "interrupted", finishedAt: null });
    expect(after.seen).toBeLessThan(150);
  });

  it("resumes a recently interrupted run: the entitlements it finished are not listed again", async () => {
    for (const id of ["ent_res_a", "ent_res_b", "ent_res_c"]) addGrants(id, 2);
    await leftRunning("run_cut", 3 * MINUTE, {
      entitlements: 3,
      entitlementsDone: 1,
      doneEntitlementIds: ["ent_res_a"],
    });
    const result = await runSync(admin, { trigger: "cli" });
    expect(result.status).toBe("succeeded");
    const listed = mock.requests().map((request) => request.path);
    expect(listed).not.toContain("/entitlements/ent_res_a/grants");
    expect(listed).toContain("/entitlements/ent_res_b/grants");
    expect(listed).toContain("/entitlements/ent_res_c/grants");
    expect(await readRun(result.runId)).toMatchObject({
      resumedFromId: "run_cut",
      seen: 4,
      entitlements: 3,
      entitlementsDone: 3,
    });
  });

  it("does not resume a run interrupted long ago: everything is listed again", async () => {
    for (const id of ["ent_old_a", "ent_old_b"]) addGrants(id, 1);
    await leftRunning("run_cut_long_ago", 2 * 60 * MINUTE, { doneEntitlementIds: ["ent_old_a"] });
    const result = await runSync(admin, { trigger: "cli" });
    expect(mock.requests().map((request) => request.path)).toContain(
      "/entitlements/ent_old_a/grants",
    );
    expect(await readRun(result.runId)).toMatchObject({ resumedFromId: null, seen: 2 });
    expect(await readRun("run_cut_long_ago")).toMatchObject({ status: "interrupted" });
  });
});
