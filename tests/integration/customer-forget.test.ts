// `npm run customer:forget`: the email and name go, with every raw body that carried them; the
// grants and their history stay, by id; and nothing replayed from before the erasure brings the
// person back. No log line ever holds the email.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");

const EMAIL = "Forget.Me@Example.com";
const person = { customer_id: "cus_forget", email: EMAIL, name: "Forget Me" };

// Every line the process writes while these tests run, to check no email is among them.
const written: string[] = [];
const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    written.push(args.map(String).join(" "));
  }),
);
const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
  written.push(String(chunk));
  return true;
});
const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
  written.push(String(chunk));
  return true;
});
afterAll(() => {
  for (const spy of [...spies, stdout, stderr]) spy.mockRestore();
});

const payment = (timestamp: string, customer = person) => ({
  business_id: "bus_test",
  type: "payment.succeeded",
  timestamp,
  data: {
    payment_id: `pay_${timestamp}`,
    billing: { street: "1 Private Lane", city: "Hidden" },
    customer,
  },
});

beforeAll(async () => {
  await deliver(payment("2026-12-01T10:00:00Z"));
  await deliver({
    business_id: "bus_test",
    type: "subscription.on_hold",
    timestamp: "2026-12-02T10:00:00Z",
    data: { subscription_id: "sub_forget", status: "on_hold", customer: person },
  });
  await deliver({
    business_id: "bus_test",
    type: "license_key.created",
    timestamp: "2026-12-02T11:00:00Z",
    data: { id: "lic_forget", customer_id: "cus_forget", key: "FORGET-KEY" },
  });
  // Another customer whose id differs only in case: SQLite's LIKE would match it.
  await deliver(
    payment("2026-12-01T12:00:00Z", {
      customer_id: "cus_FORGET",
      email: "other@example.com",
      name: "Other Person",
    }),
  );
  // An invalid body that names the person: stored (for reprocessing) and answered 2xx.
  await deliver({
    business_id: "bus_test",
    type: "payment.failed",
    timestamp: "nope",
    data: { customer: person },
  });
  await deliver(
    grantEvent("delivered", {
      id: "grant_forget",
      status: "Delivered",
      customer_id: "cus_forget",
      updated_at: "2026-12-01T10:00:05Z",
    }),
  );
});

async function db() {
  return (await import("@/lib/db")).getDb();
}

async function searchIds(q: string) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  return (await listGrants(testViewer("support"), parseGrantFilter({ q }))).items.map((g) => g.id);
}

describe(`customer:forget (${provider})`, () => {
  it("refuses support: erasure is an admin's act", async () => {
    const { forgetCustomer } = await import("@/lib/customers/forget-customer");
    await expect(forgetCustomer(testViewer("support"), "cus_forget")).rejects.toThrow();
  });

  it("says in a dry run what it would erase, and changes nothing", () => {
    const out = execFileSync(
      "npm",
      ["run", "--silent", "customer:forget", "--", "--id", "cus_forget", "--dry-run"],
      { cwd: path.resolve(import.meta.dirname, "../.."), env: process.env, encoding: "utf8" },
    );
    written.push(out);
    expect(out).toContain(
      "Dry run for cus_forget: would erase the email and name and remove 4 raw event bodies",
    );
  });

  it("erases the email and name and the bodies that carried them, keeping the grants", async () => {
    expect(await searchIds(EMAIL)).toEqual(["grant_forget"]);
    const out = execFileSync(
      "npm",
      ["run", "--silent", "customer:forget", "--", "--id", "cus_forget"],
      { cwd: path.resolve(import.meta.dirname, "../.."), env: process.env, encoding: "utf8" },
    );
    written.push(out);
    expect(out).toContain("Erased the email and name of cus_forget and removed 4 raw event bodies");
    const database = await db();
    expect(
      await database.customer.findUnique({
        where: { id: "cus_forget" },
        select: {
          email: true,
          emailNormalized: true,
          name: true,
          nameNormalized: true,
          source: true,
        },
      }),
    ).toEqual({
      email: null,
      emailNormalized: null,
      name: null,
      nameNormalized: null,
      source: "forgotten",
    });
    expect(await searchIds(EMAIL)).toEqual([]);
    expect(await searchIds("forget me")).toEqual([]);
    // Nothing left in any body or snapshot names the person.
    const bodies = await database.webhookEvent.findMany({ select: { rawBody: true, type: true } });
    expect(bodies.filter((e) => e.rawBody?.toLowerCase().includes("forget.me"))).toEqual([]);
    expect(
      bodies.filter(
        (e) => e.rawBody?.includes("Private Lane") && e.rawBody.includes('"cus_forget"'),
      ),
    ).toEqual([]);
    const subscription = await database.subscription.findUnique({ where: { id: "sub_forget" } });
    expect(subscription?.rawSnapshot).not.toMatch(/forget\.me|Forget Me/i);
    // The other customer, whose id differs in case only, keeps everything.
    expect(bodies.some((e) => e.rawBody?.includes("other@example.com"))).toBe(true);
    // The grant, its history and its body stay.
    const grant = await database.grant.findUnique({
      where: { id: "grant_forget" },
      select: { status: true },
    });
    expect(grant).toEqual({ status: "Delivered" });
    const grantEvents = await database.webhookEvent.findMany({
      where: { grantId: "grant_forget" },
    });
    expect(grantEvents).toHaveLength(1);
    expect(grantEvents[0]!.rawBody).toContain('"grant_forget"');
    // The audit line names the id, never the erased email.
    const audit = await database.auditLog.findFirst({ where: { action: "customer.forgotten" } });
    expect(audit).toMatchObject({ targetId: "cus_forget" });
    expect(JSON.stringify(audit)).not.toMatch(/forget\.me/i);
  });

  it("is not undone by a report from before the erasure, only by a later one", async () => {
    await deliver(payment("2026-12-02T09:00:00Z"));
    const database = await db();
    const read = () =>
      database.customer.findUnique({
        where: { id: "cus_forget" },
        select: { email: true, source: true },
      });
    expect(await read()).toEqual({ email: null, source: "forgotten" });
    const later = new Date(Date.now() + 60_000).toISOString();
    await deliver(payment(later, { ...person, email: "new@example.com" }));
    expect(await read()).toEqual({ email: "new@example.com", source: "webhook" });
  });

  it("never wrote the email to a log line", () => {
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((line) => /forget\.me@example\.com/i.test(line))).toEqual([]);
  });
});
