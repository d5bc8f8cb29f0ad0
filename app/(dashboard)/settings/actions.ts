"use server";
// The team and API key pages' actions. Each checks the caller's role first (401 signed out, 403
// support); the lib/ functions check it again and write the audit line.
import type { ActionState } from "@/lib/action-state";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { requireActionViewer } from "@/lib/auth/guards";
import { isRole } from "@/lib/auth/roles";
import { createUser, setUserDisabled, setUserRole } from "@/lib/auth/users";
import { formText, runAction } from "@/lib/run-action";

export async function createUserAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  return runAction("/settings/team", async () => {
    const user = await createUser(viewer, {
      email: formText(form, "email"),
      name: formText(form, "name") || undefined,
      password: formText(form, "password"),
      role: formText(form, "role") as "support",
    });
    return {
      ok: true,
      message: `Created ${user.email} (${user.role}). Give them their password in person or over a channel you trust.`,
    };
  });
}

export async function changeRoleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  const role = formText(form, "role");
  if (!isRole(role)) return { ok: false, message: "Choose admin or support." };
  return runAction("/settings/team", async () => {
    await setUserRole(viewer, formText(form, "userId"), role);
    return { ok: true, message: "Role saved." };
  });
}

export async function setDisabledAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("users:manage");
  const disabled = formText(form, "disabled") === "true";
  return runAction("/settings/team", async () => {
    const { liveApiKeys } = await setUserDisabled(viewer, formText(form, "userId"), disabled);
    const done = disabled ? "Disabled and signed out." : "Re-enabled.";
    return { ok: true, message: `${done}${apiKeysConsequence(liveApiKeys, disabled)}` };
  });
}

/** What happens to the keys the user created: they follow the user (lib/auth/api-keys.ts). */
function apiKeysConsequence(count: number, disabled: boolean): string {
  if (count === 0) return "";
  const keys = count === 1 ? "The API key they created" : `The ${count} API keys they created`;
  if (disabled)
    return ` ${keys} ${count === 1 ? "stops" : "stop"} working until they are re-enabled.`;
  return ` ${keys} ${count === 1 ? "works" : "work"} again.`;
}

export async function createApiKeyAction(
  _previous: ActionState<{ key: string }>,
  form: FormData,
): Promise<ActionState<{ key: string }>> {
  const viewer = await requireActionViewer("api-keys:manage");
  return runAction("/settings/api-keys", async () => {
    const created = await createApiKey(viewer, formText(form, "name"));
    return {
      ok: true,
      message: `Created “${created.name}”. Copy it now: it is not shown again.`,
      key: created.key,
    };
  });
}

export async function revokeApiKeyAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("api-keys:manage");
  return runAction("/settings/api-keys", async () => {
    await revokeApiKey(viewer, formText(form, "keyId"));
    return { ok: true, message: "Revoked: requests with this key now get 401." };
  });
}
