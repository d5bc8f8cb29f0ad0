// The daily digest's schedule and wording: pure, no database.
import { describe, expect, it } from "vitest";
import { digestMessage, formatOpenFor, type DigestContent } from "@/lib/alerts/digest-message";
import { dailyDigestSchema, digestDayDue } from "@/lib/alerts/rules";

describe("digest schedule", () => {
  it.each([
    [{ enabled: true, hourUtc: 8 }, "2031-01-01T07:59:59Z", null],
    [{ enabled: true, hourUtc: 8 }, "2031-01-01T08:00:00Z", "2030-12-31"],
    [{ enabled: true, hourUtc: 8 }, "2031-01-01T23:59:59Z", "2030-12-31"],
    [{ enabled: true, hourUtc: 0 }, "2031-03-01T00:00:00Z", "2031-02-28"],
    [{ enabled: true, hourUtc: 23 }, "2031-03-01T22:59:59Z", null],
    [{ enabled: false, hourUtc: 0 }, "2031-03-01T12:00:00Z", null],
  ])("%j at %s → %s", (setting, now, expected) => {
    expect(digestDayDue(setting, new Date(now))).toBe(expected);
  });

  it("a stored hour out of range reads as the default 7, the hour Vercel's daily cron runs", () => {
    expect(dailyDigestSchema.parse({ hourUtc: 24 })).toEqual({ hourUtc: 7 });
    expect(dailyDigestSchema.parse({})).toEqual({ hourUtc: 7 });
    expect(dailyDigestSchema.parse({ hourUtc: 0 })).toEqual({ hourUtc: 0 });
  });
});

describe("digest message", () => {
  const content: DigestContent = {
    day: "2031-05-19",
    readAt: "2031-05-20T09:00:00.000Z",
    created: 10,
    delivered: 7,
    failed: 2,
    topErrorCodes: [{ key: "", count: 2 }],
    revoked: 0,
    topRevocationReasons: [],
    pendingNow: 1,
    openIncidents: 1,
    incidents: [
      { rule: "silence", title: "No <deliveries>", link: null, openedAt: "2031-05-20T08:48:00Z" },
    ],
  };

  it("says the day's numbers, leaves out empty sections, and escapes the HTML", () => {
    const message = digestMessage(content, "https://grants.example.com");
    expect(message.subject).toBe(
      "[Grantdesk] Daily digest for 2031-05-19 (UTC): 2 failed, 1 open incident",
    );
    expect(message.text).toBe(
      [
        "Daily digest for 2031-05-19 (UTC)",
        "Created 10, delivered 7, failed 2, revoked 0. Pending now: 1.",
        "",
        "Failed, by error code:",
        "  (no code): 2",
        "",
        "Open incidents now (1):",
        "  Silence: No <deliveries>, open 12 min",
        "",
        "See https://grants.example.com/",
      ].join("\n"),
    );
    expect(message.html).toContain("<li>Silence: No &#60;deliveries&#62;, open 12 min</li>");
    expect(message.html).not.toContain("Revoked, by reason");
  });

  it.each([
    [0, "0 min"],
    [59 * 60_000, "59 min"],
    [60 * 60_000, "1 h"],
    [(5 * 60 + 20) * 60_000, "5 h 20 min"],
    [24 * 3_600_000, "1 d"],
    [(3 * 24 + 4) * 3_600_000 + 59_000, "3 d 4 h"],
  ])("open for %i ms → %s", (ms, expected) => {
    expect(formatOpenFor(ms)).toBe(expected);
  });
});
