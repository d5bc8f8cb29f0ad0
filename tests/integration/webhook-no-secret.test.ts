import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { signedRequest } from "../support/webhooks";

delete process.env.DODO_PAYMENTS_WEBHOOK_KEY;

describe("webhook route without DODO_PAYMENTS_WEBHOOK_KEY", () => {
  it("answers 500 naming the variable, and stores nothing (never accept-all)", async () => {
    const { POST } = await import("@/app/api/webhooks/dodo/route");
    const response = await POST(signedRequest('{"type":"entitlement_grant.created"}'));
    expect(response.status).toBe(500);
    expect((await response.json()).error).toContain("DODO_PAYMENTS_WEBHOOK_KEY");
    expect(await (await getDb()).webhookEvent.count()).toBe(0);
  });
});
