// What a customer has now, one line per grant: the status and, where it matters, when, why and
// what happens next, in the words of the label maps the grant page uses.
import { formatDay } from "@/lib/format";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";
import { statusInfo, type Tone } from "@/lib/grants/labels/status";

export type GrantNowFacts = {
  status: string;
  deliveredAt: Date | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  errorCode: string | null;
  oauthUrl: string | null;
};

export type GrantNow = { tone: Tone; headline: string; next: string | null };

/** "Revoked 2 Dec: Subscription on hold — comes back by itself", and so on. */
export function grantNow(grant: GrantNowFacts): GrantNow {
  const { tone, label } = statusInfo(grant.status);
  switch (grant.status) {
    case "Delivered":
      return {
        tone,
        headline: grant.deliveredAt ? `Delivered ${formatDay(grant.deliveredAt)}` : "Delivered",
        next: null,
      };
    case "Revoked": {
      const when = grant.revokedAt ? ` ${formatDay(grant.revokedAt)}` : "";
      if (!grant.revocationReason) return { tone, headline: `Revoked${when}`, next: null };
      const reason = revocationReasonInfo(grant.revocationReason);
      return {
        tone,
        headline: `Revoked${when}: ${reason.label}`,
        next: reason.comesBack ? "Comes back by itself." : "Does not come back by itself.",
      };
    }
    case "Failed":
      return grant.errorCode
        ? {
            tone,
            headline: `Failed: ${grant.errorCode}`,
            next: errorCodeInfo(grant.errorCode).remediation,
          }
        : { tone, headline: "Failed", next: null };
    case "Pending":
      return {
        tone,
        headline: "Pending",
        next: grant.oauthUrl ? "Waiting for the customer to accept the consent link." : null,
      };
    default:
      return { tone, headline: label, next: null };
  }
}
