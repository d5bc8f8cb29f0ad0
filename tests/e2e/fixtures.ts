// A `test` whose `freshGrant` fixture gives each test grants of its own, sent through the real
// webhook route: ids, license keys and times unique to the test, so no spec depends on what
// another spec (or an earlier run on the same database) left behind.
import crypto from "node:crypto";
import { expect, test as base } from "@playwright/test";
import { WEBHOOK_EXAMPLES, type GrantEnvelope } from "../../lib/webhooks/examples";
import { sendWebhook } from "./webhooks";

export type ExampleName = keyof typeof WEBHOOK_EXAMPLES;
type GrantData = GrantEnvelope["data"];

export type FreshGrant = {
  id: string;
  /** The full license key, when the example has one (unique to this grant). */
  licenseKey?: string;
  data: GrantData;
};

/** The lifecycle times, moved together so a fresh grant is the newest one and its durations
 * (created → delivered) stay as in the example. Expiry times stay put: "expired" stays expired. */
const LIFECYCLE_TIMES = ["created_at", "updated_at", "delivered_at", "revoked_at"] as const;

function refreshed(example: ExampleName, suffix: string, patch: Partial<GrantData>): FreshGrant {
  const envelope = WEBHOOK_EXAMPLES[example]();
  const data: GrantData = { ...envelope.data };
  const shift = Date.now() - Date.parse(String(data.updated_at));
  for (const field of LIFECYCLE_TIMES) {
    const value = data[field];
    if (typeof value === "string") data[field] = new Date(Date.parse(value) + shift).toISOString();
  }
  data.id = `${data.id}_${suffix}`;
  let licenseKey: string | undefined;
  if (data.license_key && typeof data.license_key === "object") {
    licenseKey = `LK-E2E-${suffix.slice(-4).toUpperCase()}-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
    data.license_key = { ...data.license_key, key: licenseKey };
  }
  Object.assign(data, patch);
  return { id: data.id, licenseKey, data };
}

export const test = base.extend<{
  freshGrant: (example: ExampleName, patch?: Partial<GrantData>) => Promise<FreshGrant>;
}>({
  freshGrant: async ({ request }, provide, testInfo) => {
    // Unique per test and per run: the e2e database is reused between runs.
    const run = `${Date.now().toString(36)}${testInfo.testId.slice(0, 6)}`;
    let count = 0;
    await provide(async (example, patch = {}) => {
      const grant = refreshed(example, `${run}${count++}`, patch);
      const envelope = WEBHOOK_EXAMPLES[example]();
      const sent = await sendWebhook(request, {
        ...envelope,
        timestamp: new Date().toISOString(),
        data: grant.data,
      });
      expect(sent.status, `webhook for ${grant.id}`).toBe(200);
      return grant;
    });
  },
});

export { expect };
