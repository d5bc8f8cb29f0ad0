import { describe, expect, it } from "vitest";
import { linkExpiry } from "@/components/grants/panels/digital-files-panel";
import { decodeCursor, encodeCursor } from "@/lib/grants/cursor";
import { countPerDay, lastDays, median } from "@/lib/grants/daily-buckets";
import {
  grantFilterQuery,
  parseGrantFilter,
  readGrantFilter,
  sortOf,
} from "@/lib/grants/grant-filters";
import { safeHttpUrl } from "@/lib/safe-url";
import { formatBytes, formatRelative, maskLicenseKey } from "@/lib/format";

describe("parseGrantFilter", () => {
  it("falls back to defaults on junk instead of failing, and says what it ignored", () => {
    const { filter, problems } = readGrantFilter({
      sort: "sideways",
      dir: "up",
      size: "7",
      created_from: "last week",
      q: "   ",
    });
    expect(filter).toMatchObject({ dir: "desc", size: 50 });
    expect(filter.sort).toBeUndefined();
    expect(sortOf(filter)).toBe("updated");
    expect(filter.created_from).toBeUndefined();
    expect(filter.q).toBeUndefined();
    expect(problems).toEqual([
      "created_from: must be a date, YYYY-MM-DD",
      "sort: must be updated or created",
      "dir: must be desc or asc",
      "size: must be 25, 50 or 100",
    ]);
  });

  it("keeps valid values and takes the first of repeated keys", () => {
    expect(
      parseGrantFilter({
        status: ["Failed", "Revoked"],
        size: "100",
        sort: "created",
        dir: "asc",
        created_from: "2026-03-01",
      }),
    ).toMatchObject({
      status: "Failed",
      size: 100,
      sort: "created",
      dir: "asc",
      created_from: "2026-03-01",
    });
  });

  it("reads URLSearchParams the same way", () => {
    expect(parseGrantFilter(new URLSearchParams("status=Pending&q=KEY1"))).toMatchObject({
      status: "Pending",
      q: "KEY1",
    });
  });

  it("writes a short query: defaults left out, changes applied", () => {
    const filter = parseGrantFilter({ status: "Failed", error: "github_permission_denied" });
    expect(grantFilterQuery(filter)).toBe("?status=Failed&error=github_permission_denied");
    expect(grantFilterQuery(filter, { status: undefined, size: 100 })).toBe(
      "?error=github_permission_denied&size=100",
    );
    expect(grantFilterQuery(parseGrantFilter({}))).toBe("");
  });
});

describe("the sort that applies", () => {
  it("is updated when none is chosen and no created range is set", () => {
    expect(sortOf(parseGrantFilter({}))).toBe("updated");
    expect(sortOf(parseGrantFilter({ updated_from: "2026-03-01" }))).toBe("updated");
  });

  it("follows a created range when none is chosen: its index serves the range in order", () => {
    expect(sortOf(parseGrantFilter({ created_from: "2026-03-01" }))).toBe("created");
    expect(sortOf(parseGrantFilter({ created_to: "2026-03-01" }))).toBe("created");
    expect(
      sortOf(parseGrantFilter({ created_from: "2026-03-01", updated_from: "2026-03-05" })),
    ).toBe("created");
  });

  it("is the chosen one whatever the range, and a chosen sort stays in the links", () => {
    const chosen = parseGrantFilter({ created_from: "2026-03-01", sort: "updated" });
    expect(sortOf(chosen)).toBe("updated");
    expect(grantFilterQuery(chosen)).toBe("?created_from=2026-03-01&sort=updated");
    expect(sortOf(parseGrantFilter({ updated_from: "2026-03-01", sort: "created" }))).toBe(
      "created",
    );
  });
});

describe("cursors", () => {
  it("round-trip", () => {
    const cursor = { at: new Date("2026-03-01T10:00:00.123Z"), id: "grant_x" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    "",
    "not-base64!",
    Buffer.from("[1]").toString("base64url"),
    Buffer.from('["x","y"]').toString("base64url"),
  ])("refuse %j", (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});

describe("safeHttpUrl", () => {
  it.each([
    ["https://example.com/a?b=c", "https://example.com/a?b=c"],
    ["http://example.com/", "http://example.com/"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["//evil.example", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe("digital file link expiry", () => {
  it("is the delivery time plus expires_in", () => {
    expect(linkExpiry(new Date("2026-03-01T10:00:00Z"), 3600)?.toISOString()).toBe(
      "2026-03-01T11:00:00.000Z",
    );
  });
  it("is unknown without a delivery time or expires_in", () => {
    expect(linkExpiry(null, 3600)).toBeNull();
    expect(linkExpiry(new Date(), null)).toBeNull();
  });
});

describe("daily buckets", () => {
  const now = new Date("2026-03-10T15:00:00Z");
  it("lists the last N UTC days ending today", () => {
    expect(lastDays(3, now)).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
  });
  it("counts per day and ignores dates outside the window", () => {
    const days = lastDays(3, now);
    const dates = [
      "2026-03-08T00:00:00Z",
      "2026-03-10T23:59:59Z",
      "2026-03-10T01:00:00Z",
      "2026-03-01T00:00:00Z",
    ].map((d) => new Date(d));
    expect(countPerDay(dates, days)).toEqual([1, 0, 2]);
  });
  it("takes medians of odd and even lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("formatting", () => {
  it("shows sizes, relative times and masked keys", () => {
    expect(formatBytes(2_457_600)).toBe("2.3 MB");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatRelative(new Date("2026-03-10T12:00:00Z"), new Date("2026-03-10T15:00:00Z"))).toBe(
      "3 hours ago",
    );
    expect(maskLicenseKey("4C8P")).toBe("••••4C8P");
    expect(maskLicenseKey(null)).toBeNull();
  });
});

describe("prettyRedactedBody", () => {
  it("masks the license key and leaves the rest", async () => {
    const { prettyRedactedBody } = await import("@/lib/grants/redact");
    const out = prettyRedactedBody(
      JSON.stringify({
        type: "x",
        data: { id: "g", license_key: { key: "LK-1234-ABCD", activations_used: 1 } },
      }),
    );
    expect(out).not.toContain("LK-1234");
    expect(JSON.parse(out)).toEqual({
      type: "x",
      data: { id: "g", license_key: { key: "••••••••ABCD", activations_used: 1 } },
    });
    expect(prettyRedactedBody("not json")).toBe("not json");
  });
});
