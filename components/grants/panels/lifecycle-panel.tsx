import { Facts, Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";

type LifecycleGrant = Pick<
  GrantDetail,
  "createdAt" | "updatedAt" | "deliveredAt" | "revokedAt" | "feature"
>;

export function LifecyclePanel({ grant }: { grant: LifecycleGrant }) {
  return (
    <Panel title="Lifecycle">
      <Facts
        items={[
          ["Created", formatExact(grant.createdAt)],
          ["Updated", formatExact(grant.updatedAt)],
          ["Delivered", grant.deliveredAt ? formatExact(grant.deliveredAt) : "—"],
          ["Revoked", grant.revokedAt ? formatExact(grant.revokedAt) : "—"],
          [
            "Feature",
            grant.feature ? (
              <code key="f" className="font-mono text-xs">
                {grant.feature.id} ({grant.feature.type ?? "?"})
              </code>
            ) : (
              "—"
            ),
          ],
        ]}
      />
    </Panel>
  );
}
