import { describe, expect, it } from "vitest";
import { isoToMicros, microsToDate } from "@/lib/time";

describe("isoToMicros", () => {
  it.each([
    ["2026-03-01T10:00:00Z", 1_772_359_200_000_000n],
    ["2026-03-01T10:00:00.123456Z", 1_772_359_200_123_456n],
    ["2026-03-01T10:00:00.1Z", 1_772_359_200_100_000n],
    ["2026-03-01T10:00:00.123456789Z", 1_772_359_200_123_456n],
    ["2026-03-01T11:00:00+01:00", 1_772_359_200_000_000n],
    ["2026-03-01T11:00:00.5+0100", 1_772_359_200_500_000n],
  ])("%s", (iso, micros) => {
    expect(isoToMicros(iso)).toBe(micros);
  });

  it.each(["2026-03-01", "2026-03-01T10:00:00", "yesterday", "", "2026-13-01T10:00:00Z"])(
    "refuses %j",
    (iso) => {
      expect(isoToMicros(iso)).toBeNull();
    },
  );

  it("converts back to a millisecond Date", () => {
    expect(microsToDate(1_772_359_200_123_456n).toISOString()).toBe("2026-03-01T10:00:00.123Z");
  });
});
