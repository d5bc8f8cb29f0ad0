// One evaluation of every enabled rule over the stored data. Run by the scheduler's tick; a
// disabled rule's open incidents are resolved (nobody is watching them any more).
import "server-only";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { CONDITIONS } from "./conditions/all-conditions";
import type { ConditionContext, Finding } from "./finding";
import { applyFindings, type IncidentChange } from "./incidents";
import { readRuleSettings } from "./rule-settings";
import type { RuleId } from "./rules";

export type Evaluation = Record<RuleId, IncidentChange & { error?: string }>;

export async function evaluateAlertRules(
  viewer: Viewer,
  now = new Date(),
): Promise<Partial<Evaluation>> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  const result: Partial<Evaluation> = {};
  for (const setting of await readRuleSettings(db)) {
    const { rule } = setting;
    try {
      let findings: Finding[] = [];
      if (setting.enabled) {
        const open = await db.alertIncident.findMany({
          where: { rule, resolvedAt: null },
          select: { key: true },
        });
        const context: ConditionContext<typeof setting.values> = {
          db,
          values: setting.values,
          now,
          openKeys: new Set(open.map((incident) => incident.key)),
        };
        const condition = CONDITIONS[rule] as (c: typeof context) => Promise<Finding[]>;
        findings = await condition(context);
      }
      result[rule] = await applyFindings(db, rule, findings, now);
    } catch (error) {
      // One rule's failure must not keep the others from running.
      result[rule] = { opened: 0, updated: 0, resolved: 0, error: (error as Error).message };
      console.error(`alerts: rule ${rule} failed: ${(error as Error).message}`);
    }
  }
  return result;
}
