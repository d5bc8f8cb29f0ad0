import { Badge } from "@/components/ui/badge";
import { Facts, Panel } from "@/components/ui/panel";
import { CopyButton } from "@/components/ui/copy-button";
import { formatExact } from "@/lib/format";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";
import { Alert } from "@/components/ui/alert";

export function RevocationPanel({
  reason,
  revokedAt,
}: {
  reason: string | null;
  revokedAt: Date | null;
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
