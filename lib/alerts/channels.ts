// Alert channels: added, switched on or off, removed, listed (never with their secret). Every
// change is audit-logged in its own transaction.
import "server-only";
import crypto from "node:crypto";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { Refusal } from "../refusal";
import { channelInputSchema, describeChannel, splitChannelInput } from "./channel-config";
import { sealSecret } from "./secret-box";

export type ChannelSummary = {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  description: string;
  lastSentAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
};

/** A secret for the generic webhook, in Standard Webhooks' form. */
function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

/**
 * Adds a channel. For the generic webhook Grantdesk makes the signing secret and answers it this
 * once, for the receiver to verify with; afterwards only its last 4 characters are shown.
 */
export async function createAlertChannel(
  viewer: Viewer,
  fields: Record<string, unknown>,
): Promise<{ id: string; signingSecret: string | null }> {
  assertCan(viewer, "alerts:manage");
  const parsed = channelInputSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Refusal(`${issue.path.join(".") || "channel"}: ${issue.message}`);
  }
  const signingSecret = parsed.data.kind === "webhook" ? newSigningSecret() : null;
  const { config, secret } = splitChannelInput(parsed.data, signingSecret ?? "");
  const id = crypto.randomUUID();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.alertChannel.create({
      data: {
        id,
        kind: parsed.data.kind,
        name: parsed.data.name,
        config,
        secret: secret ? sealSecret(secret) : null,
        secretHint: secret ? secret.slice(-4) : null,
      },
    });
    await recordAudit(
      tx,
      viewer,
      "alerts.channel_created",
      { type: "alert_channel", id },
      {
        kind: parsed.data.kind,
        name: parsed.data.name,
      },
    );
  });
  return { id, signingSecret };
}

export async function listAlertChannels(viewer: Viewer): Promise<ChannelSummary[]> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  const rows = await db.alertChannel.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    description: describeChannel(row.kind, row.config, row.secretHint),
    lastSentAt: row.lastSentAt,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
  }));
}

export async function setAlertChannelEnabled(
  viewer: Viewer,
  id: string,
  enabled: boolean,
): Promise<void> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.alertChannel.updateMany({ where: { id }, data: { enabled } });
    if (count === 0) throw new Refusal("That channel no longer exists.");
    await recordAudit(
      tx,
      viewer,
      "alerts.channel_changed",
      { type: "alert_channel", id },
      {
        enabled,
      },
    );
  });
}

export async function deleteAlertChannel(viewer: Viewer, id: string): Promise<void> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const channel = await tx.alertChannel.findUnique({ where: { id } });
    if (!channel) throw new Refusal("That channel no longer exists.");
    // Its queued and sent messages go with it (cascade).
    await tx.alertChannel.delete({ where: { id } });
    await recordAudit(
      tx,
      viewer,
      "alerts.channel_deleted",
      { type: "alert_channel", id },
      {
        kind: channel.kind,
        name: channel.name,
      },
    );
  });
}
