// Incidents: opened once per (rule, key), kept up to date while the condition holds, resolved
// when it clears. Opening and resolving each queue one message per enabled channel (the outbox).
import "server-only";
import crypto from "node:crypto";
import type { Database } from "../db";
import { isUniqueViolation } from "../db-errors";
import type { Finding } from "./finding";
import { queueIncidentMessages } from "./outbox";
import type { RuleId } from "./rules";

export const openKeyOf = (rule: string, key: string) => `${rule}:${key}`;

export type IncidentChange = { opened: number; updated: number; resolved: number };

async function updateOpen(db: Database, id: string, finding: Finding, now: Date, peak: number) {
  await db.alertIncident.update({
    where: { id },
    data: {
      title: finding.title,
      count: finding.count,
      peakCount: Math.max(peak, finding.count),
      examples: finding.examples,
      link: finding.link,
      lastSeenAt: now,
    },
  });
}

/** Opens the finding's incident, or updates it when another evaluation opened it just now. */
async function openIncident(db: Database, rule: RuleId, finding: Finding, now: Date) {
  const openKey = openKeyOf(rule, finding.key);
  const id = crypto.randomUUID();
  try {
    await db.alertIncident.create({
      data: {
        id,
        rule,
        key: finding.key,
        openKey,
        title: finding.title,
        link: finding.link,
        openedAt: now,
        lastSeenAt: now,
        count: finding.count,
        peakCount: finding.count,
        examples: finding.examples,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const open = await db.alertIncident.findUniqueOrThrow({ where: { openKey } });
    await updateOpen(db, open.id, finding, now, open.peakCount);
    return false;
  }
  await queueIncidentMessages(db, id, "opened", now);
  return true;
}

/** Applies one rule's findings: what is found is open, what is open and not found is resolved. */
export async function applyFindings(
  db: Database,
  rule: RuleId,
  findings: Finding[],
  now: Date,
): Promise<IncidentChange> {
  const change: IncidentChange = { opened: 0, updated: 0, resolved: 0 };
  const open = await db.alertIncident.findMany({ where: { rule, resolvedAt: null } });
  const openByKey = new Map(open.map((incident) => [incident.key, incident]));
  for (const finding of findings) {
    const existing = openByKey.get(finding.key);
    if (existing) {
      await updateOpen(db, existing.id, finding, now, existing.peakCount);
      change.updated++;
    } else if (await openIncident(db, rule, finding, now)) change.opened++;
    else change.updated++;
  }
  const found = new Set(findings.map((finding) => finding.key));
  for (const incident of open) {
    if (found.has(incident.key)) continue;
    if (await resolveIncident(db, incident.id, now)) change.resolved++;
  }
  return change;
}

/** Resolves an open incident once: of two evaluations at once, only one sends the resolution. */
export async function resolveIncident(db: Database, id: string, now: Date): Promise<boolean> {
  const { count } = await db.alertIncident.updateMany({
    where: { id, resolvedAt: null },
    data: { resolvedAt: now, openKey: null },
  });
  if (count === 1) await queueIncidentMessages(db, id, "resolved", now);
  return count === 1;
}
