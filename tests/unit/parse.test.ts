import { describe, expect, it } from "vitest";
import { parseDelivery } from "@/lib/ingest/parse";
import { WEBHOOK_EXAMPLES } from "@/lib/webhooks/examples";

describe("parseDelivery", () => {
  it.each(Object.entries(WEBHOOK_EXAMPLES))("understands Dodo's example %s", (_name, example) => {
    expect(parseDelivery(JSON.stringify(example())).kind).toBe("grant");
  });

  it("keeps unknown fields and unknown values", () => {
    const envelope = WEBHOOK_EXAMPLES["revoked-subscription-cancelled"]();
    Object.assign(envelope.data, {
      revocation_reason: "brand_new_reason",
      integration_type: "slack",
      shiny_new_field: { a: 1 },
    });
    const parsed = parseDelivery(JSON.stringify(envelope));
    if (parsed.kind !== "grant") throw new Error(`expected a grant, got ${parsed.kind}`);
    expect(parsed.grant.revocation_reason).toBe("brand_new_reason");
    expect(parsed.grant.integration_type).toBe("slack");
    expect(JSON.parse(parsed.rawSnapshot).shiny_new_field).toEqual({ a: 1 });
  });

  it("normalises the status's case and refuses an unknown status", () => {
    const envelope = WEBHOOK_EXAMPLES["license-key-delivered"]();
    envelope.data.status = "delivered";
    const parsed = parseDelivery(JSON.stringify(envelope));
    expect(parsed.kind === "grant" && parsed.grant.status).toBe("Delivered");
    envelope.data.status = "Teleported";
    const invalid = parseDelivery(JSON.stringify(envelope));
    expect(invalid).toMatchObject({
      kind: "invalid",
      grantId: "grant_lk_delivered",
      type: "entitlement_grant.delivered",
    });
    expect(invalid.kind === "invalid" && invalid.error).toContain("Teleported");
  });

  it.each([
    ["id", { id: "" }],
    ["updated_at", { updated_at: "last tuesday" }],
    ["status", { status: null }],
  ])("is strict about %s", (field, patch) => {
    const envelope = WEBHOOK_EXAMPLES["license-key-delivered"]();
    Object.assign(envelope.data, patch);
    const parsed = parseDelivery(JSON.stringify(envelope));
    expect(parsed.kind).toBe("invalid");
    expect(parsed.kind === "invalid" && parsed.error).toContain(field);
  });

  it("passes other event types through as other", () => {
    expect(
      parseDelivery(
        JSON.stringify({ type: "payment.succeeded", timestamp: "2026-03-01T10:00:00Z", data: {} }),
      ).kind,
    ).toBe("other");
  });

  it("calls a non-JSON body invalid", () => {
    expect(parseDelivery("not json")).toMatchObject({ kind: "invalid", type: null, grantId: null });
  });
});
