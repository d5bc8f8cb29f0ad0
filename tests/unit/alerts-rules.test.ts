// The rules' settings fall back to defaults on junk, and the outbox backs off.
import { describe, expect, it } from "vitest";
import { ruleValues } from "@/lib/alerts/rules";
import { pendingMinutes } from "@/lib/alerts/conditions/stuck-pending";
import { incidentMessage, slackText } from "@/lib/alerts/alert-message";

describe("rule values", () => {
  it.each([
    [undefined, { threshold: 20, windowMinutes: 15 }],
    [{ threshold: 5 }, { threshold: 5, windowMinutes: 15 }],
    [
      { threshold: "lots", windowMinutes: -1 },
      { threshold: 20, windowMinutes: 15 },
    ],
    ["junk", { threshold: 20, windowMinutes: 15 }],
  ])("failure_spike %j → %j", (stored, expected) => {
    expect(ruleValues("failure_spike", stored)).toEqual(expected);
  });

  it("pending thresholds: the setting, else the integration's default, else the rule's", () => {
    const values = ruleValues("stuck_pending", { minutesByIntegration: { discord: 90 } });
    expect(pendingMinutes(values, "discord")).toBe(90);
    expect(pendingMinutes(values, "github")).toBe(24 * 60);
    expect(pendingMinutes(values, "license_key")).toBe(30);
    expect(pendingMinutes(values, "something_new")).toBe(60);
  });
});

describe("alert message", () => {
  const incident = {
    id: "inc_1",
    rule: "failure_spike",
    key: "code:x",
    title: "30 failures of x <script> in 15 min",
    link: "/grants?status=Failed&error=x",
    count: 30,
    peakCount: 30,
    openedAt: new Date("2026-12-03T10:00:00Z"),
    resolvedAt: null,
    examples: [{ id: "grant_1", text: "boom & bust" }],
  };

  it("links absolutely under AUTH_URL and escapes HTML", () => {
    const message = incidentMessage(incident, "opened", "https://grants.example.com");
    expect(message.text).toContain("See https://grants.example.com/grants?status=Failed&error=x");
    expect(message.html).toContain("x &#60;script&#62;");
    expect(message.html).toContain("boom &#38; bust");
    expect(slackText(message)).toContain(
      "<https://grants.example.com/grants?status=Failed&error=x|Open in Grantdesk>",
    );
  });

  it("a resolution says so first and carries the peak", () => {
    const message = incidentMessage(
      { ...incident, count: 0, resolvedAt: new Date() },
      "resolved",
      undefined,
    );
    expect(message.subject).toMatch(/^\[Grantdesk\] Resolved: Failure spike/);
    expect(message.text).toContain("at most 30 while open");
    expect(message.payload).toMatchObject({ type: "incident.resolved" });
  });
});

describe("rule form", () => {
  it("reads numbers, per-integration minutes and the switch", async () => {
    const { readRuleForm } = await import("@/lib/alerts/rule-form");
    const form = new FormData();
    form.set("rule", "stuck_pending");
    form.set("enabled", "on");
    form.set("value.defaultMinutes", " 45 ");
    form.set("value.minutesByIntegration", "discord=90, license_key = 10");
    form.set("value.maxAgeDays", "lots");
    expect(readRuleForm(form)).toEqual({
      rule: "stuck_pending",
      enabled: true,
      values: {
        defaultMinutes: 45,
        minutesByIntegration: { discord: 90, license_key: 10 },
        maxAgeDays: "lots",
      },
    });
    form.set("value.minutesByIntegration", "discord:90");
    expect(() => readRuleForm(form)).toThrow(/not integration=minutes/);
  });
});
