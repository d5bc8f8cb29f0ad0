import { describe, expect, it } from "vitest";
import { compareSnapshots, snapshotOrderKey } from "@/lib/grants/merge-rule";

const at = (iso: string, timestampUs: bigint, status: string) => ({
  updatedAt: new Date(iso),
  timestampUs,
  status,
});

describe("compareSnapshots", () => {
  it.each([
    [
      "later updated_at wins whatever the rest",
      at("2026-03-01T10:00:01Z", 1n, "Pending"),
      at("2026-03-01T10:00:00Z", 9n, "Revoked"),
      "newer",
    ],
    [
      "earlier updated_at loses whatever the rest",
      at("2026-03-01T10:00:00Z", 9n, "Revoked"),
      at("2026-03-01T10:00:01Z", 1n, "Pending"),
      "older",
    ],
    [
      "updated_at tie: later envelope timestamp wins",
      at("2026-03-01T10:00:00Z", 2n, "Pending"),
      at("2026-03-01T10:00:00Z", 1n, "Delivered"),
      "newer",
    ],
    [
      "updated_at tie: earlier envelope timestamp loses",
      at("2026-03-01T10:00:00Z", 1n, "Revoked"),
      at("2026-03-01T10:00:00Z", 2n, "Pending"),
      "older",
    ],
    [
      "full tie: Revoked beats Delivered",
      at("2026-03-01T10:00:00Z", 1n, "Revoked"),
      at("2026-03-01T10:00:00Z", 1n, "Delivered"),
      "newer",
    ],
    [
      "full tie: Delivered beats Pending",
      at("2026-03-01T10:00:00Z", 1n, "Delivered"),
      at("2026-03-01T10:00:00Z", 1n, "Pending"),
      "newer",
    ],
    [
      "full tie: Pending loses to Failed",
      at("2026-03-01T10:00:00Z", 1n, "Pending"),
      at("2026-03-01T10:00:00Z", 1n, "Failed"),
      "older",
    ],
    [
      "Delivered and Failed rank equal",
      at("2026-03-01T10:00:00Z", 1n, "Delivered"),
      at("2026-03-01T10:00:00Z", 1n, "Failed"),
      "same",
    ],
    [
      "identical snapshots are the same",
      at("2026-03-01T10:00:00Z", 1n, "Pending"),
      at("2026-03-01T10:00:00Z", 1n, "Pending"),
      "same",
    ],
    [
      "microsecond differences count",
      at("2026-03-01T10:00:00Z", 1_772_359_200_000_001n, "Pending"),
      at("2026-03-01T10:00:00Z", 1_772_359_200_000_000n, "Pending"),
      "newer",
    ],
  ])("%s", (_name, incoming, stored, expected) => {
    expect(compareSnapshots(incoming, stored)).toBe(expected);
  });
});

describe("snapshotOrderKey", () => {
  it("orders any two snapshots exactly as compareSnapshots does", () => {
    const statuses = ["Pending", "Delivered", "Failed", "Revoked"];
    const times = [
      "2026-03-01T10:00:00Z",
      "2026-03-01T10:00:01Z",
      "2001-09-09T01:46:40Z",
      "2286-11-20T17:46:39Z",
    ];
    const stamps = [0n, 1n, 999_999n, 1_772_359_200_000_000n, 1_772_359_200_000_001n];
    const snapshots = times.flatMap((t) =>
      stamps.flatMap((s) => statuses.map((status) => at(t, s, status))),
    );
    for (const a of snapshots) {
      for (const b of snapshots) {
        const byKey =
          snapshotOrderKey(a) > snapshotOrderKey(b)
            ? "newer"
            : snapshotOrderKey(a) < snapshotOrderKey(b)
              ? "older"
              : "same";
        expect(
          byKey,
          `${JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? String(v) : v))} vs ${snapshotOrderKey(b)}`,
        ).toBe(compareSnapshots(a, b));
      }
    }
  });
});
