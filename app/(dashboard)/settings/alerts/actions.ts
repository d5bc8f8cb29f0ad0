"use server";
// The alerts page's actions. Each checks the caller's role first (401 signed out, 403 support);
// the lib/ functions check it again and write the audit line.
import type { ActionState } from "@/lib/action-state";
import {
  createAlertChannel,
  deleteAlertChannel,
  setAlertChannelEnabled,
} from "@/lib/alerts/channels";
import { saveDailyDigestSetting } from "@/lib/alerts/digest-settings";
import { readRuleForm } from "@/lib/alerts/rule-form";
import { saveRuleSetting, saveSyncSchedule } from "@/lib/alerts/rule-settings";
import { sendTestAlert } from "@/lib/alerts/send-outbox";
import { requireActionViewer } from "@/lib/auth/guards";
import { formText, runAction } from "@/lib/run-action";

const PATH = "/settings/alerts";
const CHANNEL_FIELDS = [
  "kind",
  "name",
  "url",
  "host",
  "port",
  "security",
  "user",
  "password",
  "from",
  "to",
];

export async function createChannelAction(
  _previous: ActionState<{ signingSecret: string }>,
  form: FormData,
): Promise<ActionState<{ signingSecret: string }>> {
  const viewer = await requireActionViewer("alerts:manage");
  const fields = Object.fromEntries(
    CHANNEL_FIELDS.map((name) => [name, formText(form, name)]).filter(([, value]) => value !== ""),
  );
  return runAction(PATH, async () => {
    const { signingSecret } = await createAlertChannel(viewer, fields);
    return signingSecret
      ? {
          ok: true,
          message: "Added. Copy the signing secret now for the receiver: it is not shown again.",
          signingSecret,
        }
      : { ok: true, message: "Added. Send a test to check it." };
  });
}

export async function sendTestAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  return runAction(PATH, async () => {
    const result = await sendTestAlert(viewer, formText(form, "channelId"));
    return result.sent
      ? { ok: true, message: "Sent." }
      : { ok: false, message: `Not sent: ${result.error ?? "unknown error"}. It will be retried.` };
  });
}

export async function setChannelEnabledAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  const enabled = formText(form, "enabled") === "true";
  return runAction(PATH, async () => {
    await setAlertChannelEnabled(viewer, formText(form, "channelId"), enabled);
    return { ok: true, message: enabled ? "Switched on." : "Switched off." };
  });
}

export async function deleteChannelAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  return runAction(PATH, async () => {
    await deleteAlertChannel(viewer, formText(form, "channelId"));
    return { ok: true, message: "Removed." };
  });
}

export async function saveRuleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  return runAction(PATH, async () => {
    const { rule, enabled, values } = readRuleForm(form);
    await saveRuleSetting(viewer, rule, { enabled, values });
    return { ok: true, message: "Saved: applies from the next evaluation (within a minute)." };
  });
}

export async function saveSyncScheduleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  return runAction(PATH, async () => {
    await saveSyncSchedule(viewer, {
      enabled: formText(form, "enabled") === "on",
      everyHours: Number(formText(form, "everyHours")),
    });
    return { ok: true, message: "Saved." };
  });
}

export async function saveDailyDigestAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("alerts:manage");
  // Only digits count as an hour: Number("") is 0, a valid hour, and an empty box is not one.
  const hourText = formText(form, "hourUtc").trim();
  return runAction(PATH, async () => {
    await saveDailyDigestSetting(viewer, {
      enabled: formText(form, "enabled") === "on",
      hourUtc: /^\d{1,2}$/.test(hourText) ? Number(hourText) : Number.NaN,
    });
    return { ok: true, message: "Saved." };
  });
}
