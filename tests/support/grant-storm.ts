// A seeded storm of grant deliveries for the summary tests: every status step in order, later
// snapshots that keep an earlier revoked_at or error_code, duplicates, the whole storm shuffled.
import { grantEvent } from "./webhooks";

const HOUR = 3_600_000;

export function seededRandom(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const STEPS = [
  { status: "Pending" },
  { status: "Delivered", delivered: true },
  { status: "Failed", error_code: "github_permission_denied" },
  { status: "Revoked", revocation_reason: "subscription_on_hold", revoked: true },
  { status: "Delivered", delivered: true },
  { status: "Failed", error_code: "discord_user_not_found" },
  { status: "Revoked", revocation_reason: "manual", revoked: true },
];
const TYPES = ["discord", "github", "license_key"];

export function stormEvents(grants: number, random: () => number, now: Date) {
  const events: ReturnType<typeof grantEvent>[] = [];
  for (let g = 0; g < grants; g++) {
    const steps = 1 + Math.floor(random() * STEPS.length);
    const base = now.getTime() - 20 * 24 * HOUR + g * 5 * HOUR;
    let lastError: string | undefined;
    let lastRevokedAt: string | undefined;
    for (let s = 0; s < steps; s++) {
      const at = new Date(base + s * (1 + random() * 9) * HOUR).toISOString();
      const { delivered, revoked, ...step } = STEPS[s]!;
      if ("error_code" in step) lastError = step.error_code;
      if (revoked) lastRevokedAt = at;
      const event = grantEvent("created", {
        id: `g_storm_${g}`,
        business_id: `bus_${g % 3}`,
        integration_type: TYPES[g % TYPES.length],
        entitlement_id: `ent_storm_${g % 4}`,
        created_at: new Date(base).toISOString(),
        updated_at: at,
        ...(delivered ? { delivered_at: at } : {}),
        // Some later snapshots keep what an earlier one carried.
        ...(!revoked && lastRevokedAt && random() < 0.5 ? { revoked_at: lastRevokedAt } : {}),
        ...(revoked ? { revoked_at: at } : {}),
        ...(!("error_code" in step) && lastError && random() < 0.5
          ? { error_code: lastError }
          : {}),
        ...step,
      });
      events.push(event);
      if (random() < 0.2) events.push(event); // a duplicate delivery
    }
  }
  // Out of order: shuffle the whole storm.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}
