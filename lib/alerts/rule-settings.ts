// Reading and saving each rule's switch and thresholds, and the sync schedule. A rule without a
// row runs with its defaults.
import "server-only";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb, type Database } from "../db";
import { Refusal } from "../refusal";
import {
  isRuleId,
  RULE_IDS,
  RULE_SCHEMAS,
  ruleValues,
  SYNC_SCHEDULE_ID,
  syncScheduleSchema,
  type RuleId,
  type RuleValues,
  type SyncSchedule,
} from "./rules";

export type RuleSetting<R extends RuleId = RuleId> = {
  rule: R;
  enabled: boolean;
  values: RuleValues<R>;
};

/** Every rule, in RULE_IDS order, with its stored values over the defaults. */
export async function readRuleSettings(db: Database): Promise<RuleSetting[]> {
  const rows = await db.alertSetting.findMany({ where: { id: { in: RULE_IDS } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return RULE_IDS.map((rule) => {
    const row = byId.get(rule);
    return { rule, enabled: row?.enabled ?? true, values: ruleValues(rule, row?.values) };
  });
}

export async function readSyncSchedule(db: Database): Promise<SyncSchedule> {
  const row = await db.alertSetting.findUnique({ where: { id: SYNC_SCHEDULE_ID } });
  const values = syncScheduleSchema.parse(row?.values ?? {});
  return { enabled: row?.enabled ?? true, ...values };
}

/** The settings page's rules, for an admin. */
export async function listRuleSettings(viewer: Viewer): Promise<RuleSetting[]> {
  assertCan(viewer, "alerts:manage");
  return readRuleSettings(await getDb());
}

export async function getSyncSchedule(viewer: Viewer): Promise<SyncSchedule> {
  assertCan(viewer, "alerts:manage");
  return readSyncSchedule(await getDb());
}

/**
 * Saves a rule's switch and thresholds. Values are checked strictly here (a typo is refused with
 * its field named), unlike reading, which falls back to the default.
 */
export async function saveRuleSetting(
  viewer: Viewer,
  rule: string,
  input: { enabled: boolean; values: Record<string, unknown> },
): Promise<void> {
  assertCan(viewer, "alerts:manage");
  if (!isRuleId(rule)) throw new Refusal(`There is no alert rule ${rule}.`);
  const checked = strictValues(rule, input.values);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.alertSetting.upsert({
      where: { id: rule },
      create: { id: rule, enabled: input.enabled, values: checked },
      update: { enabled: input.enabled, values: checked },
    });
    await recordAudit(
      tx,
      viewer,
      "alerts.rule_changed",
      { type: "alert_rule", id: rule },
      {
        enabled: input.enabled,
        values: JSON.stringify(checked),
      },
    );
  });
}

function strictValues(rule: RuleId, values: Record<string, unknown>) {
  const defaults = ruleValues(rule, {});
  const merged: Record<string, unknown> = { ...defaults };
  for (const [field, value] of Object.entries(values)) {
    if (!(field in defaults)) throw new Refusal(`${rule} has no setting ${field}.`);
    merged[field] = value;
  }
  // The same schema without its fallbacks: parse each field against the default's type.
  const problems: string[] = [];
  for (const field of Object.keys(values)) {
    const parsed = RULE_SCHEMAS[rule].parse({ ...defaults, [field]: merged[field] }) as Record<
      string,
      unknown
    >;
    if (JSON.stringify(parsed[field]) !== JSON.stringify(merged[field])) problems.push(field);
  }
  if (problems.length > 0)
    throw new Refusal(`Not a valid value for ${problems.join(", ")}: use a whole number in range.`);
  return merged as object;
}

export async function saveSyncSchedule(
  viewer: Viewer,
  input: { enabled: boolean; everyHours: number },
): Promise<void> {
  assertCan(viewer, "alerts:manage");
  const parsed = syncScheduleSchema.parse({ everyHours: input.everyHours });
  if (parsed.everyHours !== input.everyHours)
    throw new Refusal("The sync interval must be a whole number of hours from 1 to 720.");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.alertSetting.upsert({
      where: { id: SYNC_SCHEDULE_ID },
      create: { id: SYNC_SCHEDULE_ID, enabled: input.enabled, values: parsed },
      update: { enabled: input.enabled, values: parsed },
    });
    await recordAudit(
      tx,
      viewer,
      "alerts.sync_schedule_changed",
      { type: "sync_schedule", id: SYNC_SCHEDULE_ID },
      { enabled: input.enabled, everyHours: parsed.everyHours },
    );
  });
}
