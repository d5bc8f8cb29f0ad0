// The page benchmark's generated merchant has the mix issue 13 asks for, and is deterministic:
// a grant is the same whichever chunk builds it (the seed and the equivalence test rely on it).
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/grants/labels/error-codes";
import { INTEGRATIONS } from "@/lib/grants/labels/integrations";
import { REVOCATION_REASONS } from "@/lib/grants/labels/revocation-reasons";
import { rowsAfterIngesting } from "../../scripts/bench/delivery-rows";
import {
  DODO_QUIRKS,
  deliveriesOfGrants,
  grantDeliveries,
  liveGrantDeliveries,
} from "../../scripts/bench/grant-deliveries";

const spec = {
  grants: 10_000,
  now: Date.parse("2026-12-01T00:00:00Z"),
  seed: 7,
  quirks: DODO_QUIRKS,
};
const deliveries = deliveriesOfGrants(spec, 0, spec.grants);
const { grants, events: allEvents, customers } = rowsAfterIngesting(deliveries);
const events = allEvents.filter((event) => String(event.type).startsWith("entitlement_grant."));
const share = (predicate: (row: Record<string, unknown>) => boolean) =>
  grants.filter(predicate).length / grants.length;
const values = (column: string) => new Set(grants.map((g) => g[column]).filter((v) => v !== null));

describe("the page benchmark's dataset", () => {
  it.each([
    ["Delivered", 0.78],
    ["Revoked", 0.12],
    ["Failed", 0.04],
    ["Pending", 0.06],
  ])("about %s of the grants end %s", (status, expected) => {
    expect(Math.abs(share((g) => g.status === status) - expected)).toBeLessThan(0.01);
  });

  it("has every integration type, every known revocation reason and eight error codes", () => {
    const types = Object.keys(INTEGRATIONS).filter((type) => type !== "unknown");
    expect([...values("integrationType")]).toEqual(expect.arrayContaining(types));
    expect([...values("revocationReason")].sort()).toEqual(Object.keys(REVOCATION_REASONS).sort());
    expect(values("errorCode").size).toBe(8);
    expect([...values("errorCode")]).toEqual(expect.arrayContaining(Object.keys(ERROR_CODES)));
    expect(values("entitlementId").size).toBe(40);
    expect(values("businessId").size).toBeGreaterThanOrEqual(3);
  });

  it("has about two deliveries a grant, a customer per four grants, and what each type carries", () => {
    expect(events.length / grants.length).toBeGreaterThan(1.9);
    expect(events.length / grants.length).toBeLessThan(2.3);
    expect(values("customerId").size / grants.length).toBeGreaterThan(0.2);
    expect(values("customerId").size / grants.length).toBeLessThanOrEqual(0.25);
    const delivered = (type: string) =>
      grants.filter((g) => g.integrationType === type && g.status === "Delivered");
    expect(delivered("license_key").every((g) => typeof g.licenseKey === "string")).toBe(true);
    expect(delivered("digital_files").every((g) => Array.isArray(g.deliveryFiles))).toBe(true);
    expect(grants.some((g) => g.status === "Pending" && g.oauthUrl !== null)).toBe(true);
  });

  it("names every customer once, by a payment, with a unique email", () => {
    const ids = values("customerId");
    expect(customers.length).toBe(spec.grants / 4);
    expect(customers.every((c) => typeof c.email === "string" && typeof c.name === "string")).toBe(
      true,
    );
    expect(new Set(customers.map((c) => c.emailNormalized)).size).toBe(customers.length);
    // The people named are the customers the grants name.
    expect([...ids].every((id) => customers.some((c) => c.id === id))).toBe(true);
    const payments = allEvents.filter((event) => event.type === "payment.succeeded");
    expect(payments).toHaveLength(customers.length);
    expect(payments.every((event) => event.outcome === "applied")).toBe(true);
  });

  it("grows: the last month holds several times the grants of the first", () => {
    const month = (from: number) =>
      share((g) => {
        const t = (g.createdAt as Date).getTime();
        return t >= from && t < from + 30 * 86_400_000;
      });
    expect(month(spec.now - 30 * 86_400_000) / month(spec.now - 365 * 86_400_000)).toBeGreaterThan(
      2.5,
    );
  });

  it("builds a grant the same way every time, whatever the chunk", () => {
    expect(grantDeliveries(spec, 1234)).toEqual(grantDeliveries(spec, 1234));
    const bodies = (list: { body: string }[]) => list.map((d) => d.body).sort();
    const inChunks = [...deliveriesOfGrants(spec, 0, 500), ...deliveriesOfGrants(spec, 500, 1_000)];
    expect(bodies(inChunks)).toEqual(bodies(deliveriesOfGrants(spec, 0, 1_000)));
  });

  it("gives live grants ids of their own, created now", () => {
    const now = Date.now();
    const live = liveGrantDeliveries(spec, 2 ** 31, now);
    const data = (JSON.parse(live[0]!.body) as { data: { id: string; created_at: string } }).data;
    expect(grants.some((g) => g.id === data.id)).toBe(false);
    expect(Math.abs(Date.parse(data.created_at) - now)).toBeLessThan(1_000);
  });
});
