// What /sync shows for a run, from its row: a "running" row whose heartbeat stopped is interrupted.
import { describe, expect, it } from "vitest";
import { syncRunState } from "@/lib/dodo/sync-run-state";

const now = new Date("2026-03-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("syncRunState", () => {
  const cases: [string, Parameters<typeof syncRunState>[0], ReturnType<typeof syncRunState>][] = [
    ["beat 10 s ago", { status: "running", startedAt: ago(3600), heartbeatAt: ago(10) }, "running"],
    [
      "beat 119 s ago",
      { status: "running", startedAt: ago(600), heartbeatAt: ago(119) },
      "running",
    ],
    [
      "beat 121 s ago",
      { status: "running", startedAt: ago(600), heartbeatAt: ago(121) },
      "interrupted",
    ],
    [
      "no heartbeat, started 30 s ago",
      { status: "running", startedAt: ago(30), heartbeatAt: null },
      "running",
    ],
    [
      "no heartbeat, started 5 min ago",
      { status: "running", startedAt: ago(300), heartbeatAt: null },
      "interrupted",
    ],
    [
      "marked interrupted",
      { status: "interrupted", startedAt: ago(300), heartbeatAt: ago(200) },
      "interrupted",
    ],
    [
      "succeeded long ago",
      { status: "succeeded", startedAt: ago(99999), heartbeatAt: ago(99990) },
      "succeeded",
    ],
    ["failed", { status: "failed", startedAt: ago(600), heartbeatAt: ago(590) }, "failed"],
  ];
  for (const [name, run, expected] of cases)
    it(name, () => expect(syncRunState(run, now)).toBe(expected));
});
