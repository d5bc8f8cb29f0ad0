import { Badge } from "@/components/ui/badge";
import { Facts, Panel } from "@/components/ui/panel";
import { CopyButton } from "@/components/ui/copy-button";
import { formatExact } from "@/lib/format";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";

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
                {info.label} <code className="ml-1 font-mono text-xs text-slate-500">{reason}</code>
              </span>
            ) : (
              <span className="text-slate-400">none sent</span>
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
      <div className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
        <div className="flex items-center justify-between gap-2">
          <p className="font-medium">How to word it to the customer</p>
          <CopyButton value={info.customerMessage} />
        </div>
        <p className="mt-1">“{info.customerMessage}”</p>
      </div>
    </Panel>
  );
}
