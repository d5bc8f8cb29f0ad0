// The daily digest as an email: a subject, plain text and HTML, from the numbers stored with the
// message when it was queued (so a retry sends the same content). Pure: no database. It carries
// counts, error codes, revocation reasons and incident titles only: no customer's email, name or
// license key.
import { z } from "zod";
import { absoluteLink, escapeHtml, type AlertMessage } from "./alert-message";
import { grantsLink } from "./finding";
import { isRuleId, RULE_LABELS } from "./rules";

const keyedCount = z.object({ key: z.string(), count: z.number() });

export const digestContentSchema = z.object({
  /** The UTC day reported on, YYYY-MM-DD. */
  day: z.string(),
  /** When the numbers were read: "pending now" and how long incidents have been open. */
  readAt: z.string(),
  created: z.number(),
  delivered: z.number(),
  failed: z.number(),
  topErrorCodes: z.array(keyedCount),
  revoked: z.number(),
  topRevocationReasons: z.array(keyedCount),
  pendingNow: z.number(),
  openIncidents: z.number(),
  incidents: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      link: z.string().nullable(),
      openedAt: z.string(),
    }),
  ),
});

export type DigestContent = z.infer<typeof digestContentSchema>;

/** "3 d 4 h", "5 h 20 min", "12 min": how long an incident has been open. */
export function formatOpenFor(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes % 60 > 0 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${minutes} min`;
}

type Line = { text: string; link: string | null };

function digestSections(content: DigestContent, baseUrl: string | undefined) {
  const link = (path: string) => absoluteLink(path, baseUrl);
  const readAt = new Date(content.readAt).getTime();
  const moreIncidents = content.openIncidents - content.incidents.length;
  return [
    {
      title: "Failed, by error code",
      lines: content.topErrorCodes.map<Line>(({ key, count }) => ({
        text: `${key || "(no code)"}: ${count}`,
        link: key ? link(grantsLink({ status: "Failed", error: key })) : null,
      })),
    },
    {
      title: "Revoked, by reason",
      lines: content.topRevocationReasons.map<Line>(({ key, count }) => ({
        text: `${key || "(no reason)"}: ${count}`,
        link: key ? link(grantsLink({ status: "Revoked", reason: key })) : null,
      })),
    },
    {
      title: `Open incidents now (${content.openIncidents})`,
      lines: [
        ...content.incidents.map<Line>((incident) => ({
          text: `${isRuleId(incident.rule) ? RULE_LABELS[incident.rule].title : incident.rule}: ${incident.title}, open ${formatOpenFor(readAt - new Date(incident.openedAt).getTime())}`,
          link: absoluteLink(incident.link, baseUrl),
        })),
        ...(moreIncidents > 0
          ? [{ text: `and ${moreIncidents} more`, link: link("/settings/alerts") }]
          : []),
      ],
    },
  ].filter((section) => section.lines.length > 0);
}

export function digestMessage(content: DigestContent, baseUrl: string | undefined): AlertMessage {
  const head = `Daily digest for ${content.day} (UTC)`;
  const totals = `Created ${content.created}, delivered ${content.delivered}, failed ${content.failed}, revoked ${content.revoked}. Pending now: ${content.pendingNow}.`;
  const sections = digestSections(content, baseUrl);
  const overview = absoluteLink("/", baseUrl);
  const text = [
    head,
    totals,
    ...sections.flatMap((section) => [
      "",
      `${section.title}:`,
      ...section.lines.map((line) => `  ${line.text}${line.link ? ` (${line.link})` : ""}`),
    ]),
    "",
    `See ${overview}`,
  ].join("\n");
  const item = (line: Line) =>
    line.link
      ? `<li><a href="${escapeHtml(line.link)}">${escapeHtml(line.text)}</a></li>`
      : `<li>${escapeHtml(line.text)}</li>`;
  const html = [
    `<p><strong>${escapeHtml(head)}</strong></p>`,
    `<p>${escapeHtml(totals)}</p>`,
    ...sections.map(
      (section) =>
        `<p>${escapeHtml(section.title)}</p>\n<ul>${section.lines.map(item).join("")}</ul>`,
    ),
    `<p><a href="${escapeHtml(overview ?? "/")}">Open Grantdesk</a></p>`,
  ].join("\n");
  return {
    subject: `[Grantdesk] ${head}: ${content.failed} failed, ${content.openIncidents} open ${content.openIncidents === 1 ? "incident" : "incidents"}`,
    text,
    html,
    payload: { type: "digest", timestamp: new Date().toISOString(), data: content },
  };
}
