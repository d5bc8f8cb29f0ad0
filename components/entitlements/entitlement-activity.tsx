import { PendingConsentsPanel } from "@/components/entitlements/pending-consents-panel";
import { TopErrorCodesPanel, WindowStatsPanel } from "@/components/entitlements/window-stats-panel";
import type { Viewer } from "@/lib/auth/viewer";
import { getEntitlementActivity } from "@/lib/entitlements/queries/get-entitlement-activity";

/**
 * The windows and the waiting consents (for integrations that send consent links): a server
 * component streamed under the page's header.
 */
export async function EntitlementActivity({
  viewer,
  entitlementId,
  integrationType,
}: {
  viewer: Viewer;
  entitlementId: string;
  integrationType: string | null;
}) {
  const now = new Date();
  const { windows, consents, consentsShown } = await getEntitlementActivity(
    viewer,
    entitlementId,
    now,
    integrationType,
  );
  return (
    <>
      <WindowStatsPanel entitlementId={entitlementId} windows={windows} />
      <TopErrorCodesPanel entitlementId={entitlementId} windows={windows} />
      {consents ? (
        <PendingConsentsPanel
          entitlementId={entitlementId}
          consents={consents}
          shown={consentsShown}
          now={now}
        />
      ) : null}
    </>
  );
}
