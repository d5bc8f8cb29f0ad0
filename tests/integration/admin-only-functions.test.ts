// Every lib/ function that needs an admin-only permission refuses the support role by itself,
// before it reads or writes anything: pages, actions and routes check too, but a new caller that
// forgets to must not open a door. The source scan below makes a new admin-only function that is
// missing from this table fail the suite.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { PERMISSIONS, type Permission } from "@/lib/auth/roles";
import { ForbiddenError, type Viewer } from "@/lib/auth/viewer";
import {
  createUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  setUserRole,
} from "@/lib/auth/users";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { listAuditLog } from "@/lib/audit/audit-log";
import {
  createAlertChannel,
  deleteAlertChannel,
  listAlertChannels,
  setAlertChannelEnabled,
} from "@/lib/alerts/channels";
import { queueDailyDigests } from "@/lib/alerts/daily-digest";
import { getDailyDigestSetting, saveDailyDigestSetting } from "@/lib/alerts/digest-settings";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { getLastDigest } from "@/lib/alerts/last-digest";
import { listIncidents } from "@/lib/alerts/list-incidents";
import { sendDueAlerts, sendTestAlert } from "@/lib/alerts/send-outbox";
import {
  getSyncSchedule,
  listRuleSettings,
  saveRuleSetting,
  saveSyncSchedule,
} from "@/lib/alerts/rule-settings";
import { forgetCustomer } from "@/lib/customers/forget-customer";
import { fulfilLicenseKey, revokeGrant } from "@/lib/dodo/grant-actions";
import { executeSync } from "@/lib/dodo/sync";
import { beginSync } from "@/lib/dodo/sync-runs";
import { rebuildSummaries } from "@/lib/grants/queries/rebuild-summaries";
import { pruneRawBodies } from "@/lib/webhooks/retention/prune-bodies";
import { reprocessEvent, reprocessInvalidEvents } from "@/lib/webhooks/reprocess";
import { testViewer } from "../support/viewers";

const provider = inject("testProvider");
const root = path.resolve(import.meta.dirname, "../..");
const support = testViewer("support");

/** `file function` → a call with harmless arguments: the permission check must come first. */
const ADMIN_ONLY_CALLS: Record<string, (viewer: Viewer) => Promise<unknown>> = {
  "lib/auth/users.ts listUsers": (v) => listUsers(v),
  "lib/auth/users.ts createUser": (v) =>
    createUser(v, { email: "intruder@test.example", password: "x".repeat(20), role: "admin" }),
  "lib/auth/users.ts resetPassword": (v) => resetPassword(v, "admin@test.example", "y".repeat(20)),
  "lib/auth/users.ts setUserRole": (v) => setUserRole(v, "test-support", "admin"),
  "lib/auth/users.ts setUserDisabled": (v) => setUserDisabled(v, "test-admin", true),
  "lib/auth/api-keys.ts createApiKey": (v) => createApiKey(v, "intruder"),
  "lib/auth/api-keys.ts listApiKeys": (v) => listApiKeys(v),
  "lib/auth/api-keys.ts revokeApiKey": (v) => revokeApiKey(v, "key_any"),
  "lib/audit/audit-log.ts listAuditLog": (v) => listAuditLog(v),
  "lib/alerts/channels.ts createAlertChannel": (v) =>
    createAlertChannel(v, { kind: "webhook", name: "x", url: "http://127.0.0.1:9/x" }),
  "lib/alerts/channels.ts listAlertChannels": (v) => listAlertChannels(v),
  "lib/alerts/channels.ts setAlertChannelEnabled": (v) => setAlertChannelEnabled(v, "ch", false),
  "lib/alerts/channels.ts deleteAlertChannel": (v) => deleteAlertChannel(v, "ch"),
  "lib/alerts/daily-digest.ts queueDailyDigests": (v) => queueDailyDigests(v),
  "lib/alerts/digest-settings.ts getDailyDigestSetting": (v) => getDailyDigestSetting(v),
  "lib/alerts/digest-settings.ts saveDailyDigestSetting": (v) =>
    saveDailyDigestSetting(v, { enabled: true, hourUtc: 8 }),
  "lib/alerts/evaluate-rules.ts evaluateAlertRules": (v) => evaluateAlertRules(v),
  "lib/alerts/last-digest.ts getLastDigest": (v) => getLastDigest(v),
  "lib/alerts/list-incidents.ts listIncidents": (v) => listIncidents(v),
  "lib/alerts/send-outbox.ts sendDueAlerts": (v) => sendDueAlerts(v),
  "lib/alerts/send-outbox.ts sendTestAlert": (v) => sendTestAlert(v, "ch"),
  "lib/alerts/rule-settings.ts listRuleSettings": (v) => listRuleSettings(v),
  "lib/alerts/rule-settings.ts getSyncSchedule": (v) => getSyncSchedule(v),
  "lib/alerts/rule-settings.ts saveRuleSetting": (v) =>
    saveRuleSetting(v, "failure_spike", { enabled: false, values: {} }),
  "lib/alerts/rule-settings.ts saveSyncSchedule": (v) =>
    saveSyncSchedule(v, { enabled: false, everyHours: 6 }),
  "lib/customers/forget-customer.ts forgetCustomer": (v) => forgetCustomer(v, "cus_any"),
  "lib/dodo/grant-actions.ts revokeGrant": (v) => revokeGrant(v, "grant_any"),
  "lib/dodo/grant-actions.ts fulfilLicenseKey": (v) =>
    fulfilLicenseKey(v, "grant_any", { key: "KEY-ANY" }),
  "lib/dodo/sync-runs.ts beginSync": (v) => beginSync(v, "dashboard"),
  "lib/dodo/sync.ts executeSync": (v) => executeSync(v, "run_any"),
  "lib/grants/queries/rebuild-summaries.ts rebuildSummaries": (v) => rebuildSummaries(v),
  "lib/webhooks/retention/prune-bodies.ts pruneRawBodies": (v) => pruneRawBodies(v),
  "lib/webhooks/reprocess.ts reprocessEvent": (v) => reprocessEvent(v, "msg_any"),
  "lib/webhooks/reprocess.ts reprocessInvalidEvents": (v) => reprocessInvalidEvents(v),
};

const adminOnly = (Object.keys(PERMISSIONS) as Permission[]).filter(
  (permission) => !(PERMISSIONS[permission] as readonly string[]).includes("support"),
);

/** Exported functions in lib/ whose body asserts an admin-only permission, as `file function`. */
function adminOnlyFunctionsInSource(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(relative);
      } else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(path.join(root, relative), "utf8");
        // Each exported function's text runs to the next top-level export.
        const parts = source.split(/^(?=export )/m);
        for (const part of parts) {
          const name = /^export (?:async )?function (\w+)/.exec(part)?.[1];
          const asserted = [...part.matchAll(/assertCan\(\w+, "([\w:-]+)"\)/g)].map((m) => m[1]);
          if (name && asserted.some((p) => adminOnly.includes(p as Permission)))
            found.push(`${relative} ${name}`);
        }
      }
    }
  };
  walk("lib");
  return found.sort();
}

async function rowCounts() {
  const db = await getDb();
  return {
    users: await db.user.count(),
    apiKeys: await db.apiKey.count(),
    audit: await db.auditLog.count(),
    syncRuns: await db.syncRun.count(),
    grantActions: await db.grantAction.count(),
    alertSettings: await db.alertSetting.count(),
    alertChannels: await db.alertChannel.count(),
    alertIncidents: await db.alertIncident.count(),
    alertDeliveries: await db.alertDelivery.count(),
    leases: await db.schedulerLease.count(),
  };
}

describe(`admin-only lib functions refuse support by themselves (${provider})`, () => {
  it("the table lists every exported lib function that asserts an admin-only permission", () => {
    expect(adminOnly.length).toBeGreaterThan(0);
    expect(Object.keys(ADMIN_ONLY_CALLS).sort()).toEqual(adminOnlyFunctionsInSource());
  });

  for (const [name, call] of Object.entries(ADMIN_ONLY_CALLS)) {
    it(`${name}: ForbiddenError for support, nothing written`, async () => {
      const before = await rowCounts();
      const error = await call(support).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(adminOnly).toContain((error as ForbiddenError).permission);
      expect(await rowCounts()).toEqual(before);
    });
  }
});
