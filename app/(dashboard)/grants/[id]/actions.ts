"use server";
// The grant page's Dodo actions. Refresh: admin and support; revoke and fulfil: admin only.
import type { ActionState } from "@/lib/action-state";
import { requireActionViewer } from "@/lib/auth/guards";
import { fulfilLicenseKey, refreshGrant, revokeGrant } from "@/lib/dodo/grant-actions";
import { formText, runAction } from "@/lib/run-action";

const REFRESH_MESSAGES = {
  new: "Fetched from Dodo: this grant was missing here and is now stored.",
  updated: "Fetched from Dodo: it had changed (a missed webhook). Updated.",
  unchanged: "Fetched from Dodo: nothing changed.",
  older: "Fetched from Dodo: what Dodo lists is older than what we have, so nothing changed.",
  invalid: "Dodo returned something Grantdesk cannot read; it is kept under Events as invalid.",
} as const;

const grantPath = (grantId: string) => `/grants/${encodeURIComponent(grantId)}`;

export async function refreshGrantAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:refresh");
  const grantId = formText(form, "grantId");
  return runAction(grantPath(grantId), async () => ({
    ok: true,
    message: REFRESH_MESSAGES[(await refreshGrant(viewer, grantId)).outcome],
  }));
}

export async function revokeGrantAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:revoke");
  const grantId = formText(form, "grantId");
  return runAction(grantPath(grantId), async () => {
    await revokeGrant(viewer, grantId);
    return {
      ok: true,
      message:
        "Revocation requested. Dodo confirms it with a webhook; the grant turns Revoked when it arrives.",
    };
  });
}

export async function fulfilLicenseKeyAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:fulfil");
  const grantId = formText(form, "grantId");
  return runAction(grantPath(grantId), async () => {
    await fulfilLicenseKey(viewer, grantId, {
      key: formText(form, "key"),
      activationsLimit: formText(form, "activationsLimit") || undefined,
      expiresAt: formText(form, "expiresAt") || undefined,
    });
    return {
      ok: true,
      message: "Key sent to Dodo. The grant turns Delivered when Dodo's webhook confirms it.",
    };
  });
}
