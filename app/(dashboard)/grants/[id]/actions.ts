"use server";
// The grant page's Dodo actions. Refresh: admin and support; revoke and fulfil: admin only.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/ui/action-form";
import { requireActionViewer } from "@/lib/auth/guards";
import { DodoActionError, fulfilLicenseKey, refreshGrant, revokeGrant } from "@/lib/dodo/grant-actions";

const REFRESH_MESSAGES = {
  new: "Fetched from Dodo: this grant was missing here and is now stored.",
  updated: "Fetched from Dodo: it had changed (a missed webhook). Updated.",
  unchanged: "Fetched from Dodo: nothing changed.",
  older: "Fetched from Dodo: what Dodo lists is older than what we have, so nothing changed.",
  invalid: "Dodo returned something Grantdesk cannot read; it is kept under Events as invalid.",
} as const;

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

async function attempt(grantId: string, work: () => Promise<string>): Promise<ActionState> {
  try {
    const message = await work();
    revalidatePath(`/grants/${encodeURIComponent(grantId)}`);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof DodoActionError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function refreshGrantAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:refresh");
  const grantId = field(form, "grantId");
  return attempt(grantId, async () => REFRESH_MESSAGES[(await refreshGrant(viewer, grantId)).outcome]);
}

export async function revokeGrantAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:revoke");
  const grantId = field(form, "grantId");
  return attempt(grantId, async () => {
    await revokeGrant(viewer, grantId);
    return "Revocation requested. Dodo confirms it with a webhook; the grant turns Revoked when it arrives.";
  });
}

export async function fulfilLicenseKeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("grants:fulfil");
  const grantId = field(form, "grantId");
  return attempt(grantId, async () => {
    await fulfilLicenseKey(viewer, grantId, {
      key: field(form, "key"),
      activationsLimit: field(form, "activationsLimit") || undefined,
      expiresAt: field(form, "expiresAt") || undefined,
    });
    return "Key sent to Dodo. The grant turns Delivered when Dodo's webhook confirms it.";
  });
}
