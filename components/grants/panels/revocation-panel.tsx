import { Badge } from "@/components/ui/badge";
import { Facts, Panel } from "@/components/ui/panel";
import { CopyButton } from "@/components/ui/copy-button";
import { formatExact } from "@/lib/format";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";
import { Alert } from "@/components/ui/alert";
import type { SubscriptionExplanation } from "@/lib/customers/subscription-explanation";

/**
 * `subscription` is given for the reasons a subscription's state explains: its explanation, or
 * null when Grantdesk has not heard of the subscription yet.
 */
export function RevocationPanel({
  reason,
  revokedAt,
  subscription,
}: {
  reason: string | null;
  revokedAt: Date | null;
  subscription?: { id: string; explanation: SubscriptionExplanation | null };
}) {
  const info = revocationReasonInfo(reason ?? "unknown");
  return (
    <Panel title="Why access was revoked" tone="warning">
      <Facts
        items={[
          [
            "Reason",
            reason ? (
              <span>
                {info.label} <code className="ml-1 font-mono text-xs text-faint">{reason}</code>
              </span>
            ) : (
              <span className="text-faint">none sent</span>
            ),
          ],
          ["Revoked", revokedAt ? formatExact(revokedAt) : "—"],
          ["What it means", info.meaning],
          [
            "Comes back by itself?",
            <span key="back" className="inline-flex items-center gap-2">
              <Badge tone={info.comesBack ? "emerald" : "slate"}>
                {info.comesBack ? "Yes" : "No"}
              </Badge>
              {info.comesBackWhen}
            </span>,
          ],
        ]}
      />
      {subscription ? <SubscriptionState {...subscription} /> : null}
      <Alert variant="warning" className="mt-4 p-3">
        <div className="flex items-center justify-between gap-2">
          <p className="font-medium">How to word it to the customer</p>
          <CopyButton value={info.customerMessage} />
        </div>
        <p className="mt-1">“{info.customerMessage}”</p>
      </Alert>
    </Panel>
  );
}

/** The subscription now, in words support can paste: the state and what happens next. */
function SubscriptionState({
  id,
  explanation,
}: {
  id: string;
  explanation: SubscriptionExplanation | null;
}) {
  return (
    <section aria-label="The subscription now" className="mt-4 rounded-md border border-border p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          Subscription now
          {explanation ? (
            <Badge tone={explanation.comesBack ? "emerald" : "slate"}>
              {explanation.statusLabel}
            </Badge>
          ) : null}
          <code className="font-mono text-xs text-faint">{id}</code>
        </p>
        {explanation ? <CopyButton value={explanation.text} /> : null}
      </div>
      <p className="mt-1 text-sm">
        {explanation
          ? explanation.text
          : "Grantdesk has not heard of this subscription yet: its subscription webhooks, or a sync with an API key, fill it in."}
      </p>
    </section>
  );
}
