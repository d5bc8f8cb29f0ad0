import { describe, expect, it } from "vitest";
import { grantNow, type GrantNowFacts } from "@/lib/customers/grant-now";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";

const none: GrantNowFacts = {
  status: "Pending",
  deliveredAt: null,
  revokedAt: null,
  revocationReason: null,
  errorCode: null,
  oauthUrl: null,
};

describe("grantNow", () => {
  it("dates a delivery and a revocation, and says whether access comes back", () => {
    expect(
      grantNow({ ...none, status: "Delivered", deliveredAt: new Date("2026-12-01T10:00:00Z") }),
    ).toEqual({ tone: "emerald", headline: "Delivered 1 Dec", next: null });
    const revoked = { ...none, status: "Revoked", revokedAt: new Date("2026-12-02T23:59:00Z") };
    expect(grantNow({ ...revoked, revocationReason: "subscription_on_hold" })).toEqual({
      tone: "slate",
      headline: "Revoked 2 Dec: Subscription on hold",
      next: "Comes back by itself.",
    });
    expect(grantNow({ ...revoked, revocationReason: "subscription_cancelled" }).next).toBe(
      "Does not come back by itself.",
    );
  });

  it("gives a failure's code and what to do about it", () => {
    expect(grantNow({ ...none, status: "Failed", errorCode: "github_permission_denied" })).toEqual({
      tone: "rose",
      headline: "Failed: github_permission_denied",
      next: errorCodeInfo("github_permission_denied").remediation,
    });
  });

  it("says a pending OAuth grant waits for the customer, and keeps an unknown status", () => {
    expect(grantNow({ ...none, oauthUrl: "https://discord.com/oauth2" }).next).toBe(
      "Waiting for the customer to accept the consent link.",
    );
    expect(grantNow({ ...none, status: "Suspended" })).toEqual({
      tone: "zinc",
      headline: "Suspended",
      next: null,
    });
  });
});
