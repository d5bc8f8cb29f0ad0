"use server";
// The entitlement page's action: fetch its name, description and integration from Dodo.
import type { ActionState } from "@/lib/action-state";
import { requireActionViewer } from "@/lib/auth/guards";
import { refreshEntitlement } from "@/lib/dodo/sync-catalog";
import { formText, runAction } from "@/lib/run-action";

export async function refreshEntitlementAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:refresh");
  const entitlementId = formText(form, "entitlementId");
  return runAction(`/entitlements/${encodeURIComponent(entitlementId)}`, async () => {
    const entitlement = await refreshEntitlement(viewer, entitlementId);
    return {
      ok: true,
      message: entitlement.isActive
        ? "Fetched from Dodo: name, description and integration are up to date."
        : "Dodo no longer has this entitlement: it is kept here as inactive.",
    };
  });
}
