"use server";
// The team and API key pages' actions. Each checks the caller's role first (401 signed out, 403
// support); the lib/ functions check it again and write the audit line.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/ui/action-form";
import { ApiKeyError, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { requireActionViewer } from "@/lib/auth/guards";
import { isRole } from "@/lib/auth/roles";
import { createUser, setUserDisabled, setUserRole, UserError } from "@/lib/auth/users";

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Expected refusals become a message; anything else is a bug and goes to the error page. */
async function attempt(work: () => Promise<string>, path: string): Promise<ActionState> {
  try {
    const message = await work();
    revalidatePath(path);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof UserError || error instanceof ApiKeyError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function createUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  return attempt(async () => {
    const user = await createUser(viewer, { email: field(form, "email"), name: field(form, "name") || undefined, password: field(form, "password"), role: field(form, "role") as "support" });
    return `Created ${user.email} (${user.role}). Give them their password in person or over a channel you trust.`;
  }, "/settings/team");
}

export async function changeRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  const role = field(form, "role");
  if (!isRole(role)) return { ok: false, message: "Choose admin or support." };
  return attempt(async () => {
    await setUserRole(viewer, field(form, "userId"), role);
    return "Role saved.";
  }, "/settings/team");
}

export async function setDisabledAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  const disabled = field(form, "disabled") === "true";
  return attempt(async () => {
    await setUserDisabled(viewer, field(form, "userId"), disabled);
    return disabled ? "Disabled and signed out." : "Re-enabled.";
  }, "/settings/team");
}

export type CreatedKeyState = { ok: boolean; message: string; key?: string } | null;

export async function createApiKeyAction(_previous: CreatedKeyState, form: FormData): Promise<CreatedKeyState> {
  const viewer = await requireActionViewer("api-keys:manage");
  try {
    const created = await createApiKey(viewer, field(form, "name"));
    revalidatePath("/settings/api-keys");
    return { ok: true, message: `Created “${created.name}”. Copy it now: it is not shown again.`, key: created.key };
  } catch (error) {
    if (error instanceof ApiKeyError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function revokeApiKeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("api-keys:manage");
  return attempt(async () => {
    await revokeApiKey(viewer, field(form, "keyId"));
    return "Revoked: requests with this key now get 401.";
  }, "/settings/api-keys");
}
