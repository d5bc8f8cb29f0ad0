// One incident (or a test) as every channel shows it: a subject, plain text, HTML and the JSON
// the generic webhook posts. Links are absolute when AUTH_URL names the public address.
import type { Example } from "./finding";
import { RULE_LABELS, isRuleId } from "./rules";

export type MessageIncident = {
  id: string;
  rule: string;
  key: string;
  title: string;
  link: string | null;
  count: number;
  peakCount: number;
  openedAt: Date;
  resolvedAt: Date | null;
  examples: unknown;
};

export type AlertMessage = {
  subject: string;
  text: string;
  html: string;
  payload: Record<string, unknown>;
};

function examplesOf(value: unknown): Example[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Example =>
      typeof item?.id === "string" && typeof (item as Example).text === "string",
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function absoluteLink(path: string | null, baseUrl: string | undefined): string | null {
  if (!path) return null;
  return baseUrl ? new URL(path, baseUrl).toString() : path;
}

export function incidentMessage(
  incident: MessageIncident,
  kind: "opened" | "resolved",
  baseUrl: string | undefined,
): AlertMessage {
  const rule = isRuleId(incident.rule) ? RULE_LABELS[incident.rule].title : incident.rule;
  const link = absoluteLink(incident.link, baseUrl);
  const examples = examplesOf(incident.examples);
  const head =
    kind === "opened"
      ? `${rule}: ${incident.title}`
      : `Resolved: ${rule}: ${incident.title} (at most ${incident.peakCount} while open)`;
  const lines = [
    head,
    `Opened ${incident.openedAt.toISOString()}${incident.resolvedAt ? `, resolved ${incident.resolvedAt.toISOString()}` : ""}; count now ${incident.count}.`,
    ...(examples.length > 0 && kind === "opened"
      ? ["Examples:", ...examples.map((example) => `  ${example.id}: ${example.text}`)]
      : []),
    ...(link ? [`See ${link}`] : []),
  ];
  const html = [
    `<p><strong>${escapeHtml(head)}</strong></p>`,
    `<p>${escapeHtml(lines[1]!)}</p>`,
    examples.length > 0 && kind === "opened"
      ? `<ul>${examples.map((e) => `<li><code>${escapeHtml(e.id)}</code> ${escapeHtml(e.text)}</li>`).join("")}</ul>`
      : "",
    link ? `<p><a href="${escapeHtml(link)}">Open in Grantdesk</a></p>` : "",
  ].join("\n");
  return {
    subject: `[Grantdesk] ${head}`,
    text: lines.join("\n"),
    html,
    payload: {
      type: `incident.${kind}`,
      timestamp: new Date().toISOString(),
      data: {
        id: incident.id,
        rule: incident.rule,
        key: incident.key,
        title: incident.title,
        count: incident.count,
        peak_count: incident.peakCount,
        opened_at: incident.openedAt.toISOString(),
        resolved_at: incident.resolvedAt?.toISOString() ?? null,
        examples,
        url: link,
      },
    },
  };
}

export function testMessage(channelName: string): AlertMessage {
  const text = `Test from Grantdesk: alerts for this channel (${channelName}) arrive here.`;
  return {
    subject: "[Grantdesk] Test alert",
    text,
    html: `<p>${escapeHtml(text)}</p>`,
    payload: { type: "test", timestamp: new Date().toISOString(), data: { channel: channelName } },
  };
}

/** Slack's mrkdwn: the same content, the link as Slack writes one. */
export function slackText(message: AlertMessage): string {
  const data = message.payload.data as { url?: string | null } | undefined;
  const body = message.text
    .split("\n")
    .filter((line) => !line.startsWith("See "))
    .join("\n");
  const [first, ...rest] = body.split("\n");
  return [`*${first}*`, ...rest, ...(data?.url ? [`<${data.url}|Open in Grantdesk>`] : [])].join(
    "\n",
  );
}
