// Grants stuck in Pending, per integration type, and OAuth consent links about to expire. Reads
// Pending grants created within `maxAgeDays` through the (status, createdAt, id) index, at most
// PENDING_CAP of them: an older pending grant is taken as abandoned, not as news.
import { DEFAULT_PENDING_MINUTES, type RuleValues } from "../rules";
import {
  ago,
  DAY_MS,
  EXAMPLES,
  grantsLink,
  MINUTE_MS,
  type ConditionContext,
  type Example,
  type Finding,
} from "../finding";

/** "24 hours", "2 days", "90 min": a threshold as support reads it in a message. */
export function minutesInWords(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return unit(minutes / 1440, "day");
  if (minutes >= 60 && minutes % 60 === 0) return unit(minutes / 60, "hour");
  return `${minutes} min`;
}

export const PENDING_CAP = 5_000;

type PendingRow = {
  id: string;
  integrationType: string;
  createdAt: Date;
  oauthUrl: string | null;
  oauthExpiresAt: Date | null;
};

export function pendingMinutes(values: RuleValues<"stuck_pending">, integration: string): number {
  return (
    values.minutesByIntegration[integration] ??
    DEFAULT_PENDING_MINUTES[integration] ??
    values.defaultMinutes
  );
}

function example(row: PendingRow, now: Date): Example {
  const hours = Math.round((now.getTime() - row.createdAt.getTime()) / 3_600_000);
  const expiry = row.oauthExpiresAt
    ? row.oauthExpiresAt <= now
      ? ", consent link expired"
      : `, consent link expires ${row.oauthExpiresAt.toISOString()}`
    : "";
  const link = row.oauthUrl ? `, consent link ${row.oauthUrl}` : "";
  return { id: row.id, text: `pending ${hours} h${expiry}${link}` };
}

function group(rows: PendingRow[], keyOf: (row: PendingRow) => string | null) {
  const groups = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    // Pushed, not spread: a copy per row is quadratic in the size of a group.
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export async function findStuckPending(
  context: ConditionContext<RuleValues<"stuck_pending">>,
): Promise<Finding[]> {
  const { db, values, now } = context;
  const rows: PendingRow[] = await db.grant.findMany({
    where: { status: "Pending", createdAt: { gte: ago(now, values.maxAgeDays * DAY_MS) } },
    select: {
      id: true,
      integrationType: true,
      createdAt: true,
      oauthUrl: true,
      oauthExpiresAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PENDING_CAP,
  });
  const expiringBy = new Date(now.getTime() + values.expiringWithinMinutes * MINUTE_MS);
  const stuck = group(rows, (row) => {
    const limit = pendingMinutes(values, row.integrationType) * MINUTE_MS;
    return now.getTime() - row.createdAt.getTime() > limit ? row.integrationType : null;
  });
  const expiring = group(rows, (row) =>
    row.oauthExpiresAt && row.oauthExpiresAt <= expiringBy ? row.integrationType : null,
  );
  const findings: Finding[] = [];
  for (const [integration, list] of stuck)
    findings.push({
      key: integration,
      title: `${list.length} ${integration} grants stuck in Pending for over ${minutesInWords(pendingMinutes(values, integration))}`,
      count: list.length,
      examples: list.slice(0, EXAMPLES).map((row) => example(row, now)),
      link: grantsLink({ status: "Pending", integration }),
    });
  for (const [integration, list] of expiring)
    findings.push({
      key: `${integration}:link_expiring`,
      title: `${list.length} ${integration} consent links expire within ${minutesInWords(values.expiringWithinMinutes)} or have expired`,
      count: list.length,
      examples: list.slice(0, EXAMPLES).map((row) => example(row, now)),
      link: grantsLink({ status: "Pending", integration }),
    });
  return findings;
}
