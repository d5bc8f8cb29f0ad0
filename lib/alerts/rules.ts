// The alert rules, their defaults and what each threshold means. Pure: no database. Every value
// is editable on /settings/alerts; a stored value that no longer fits its schema falls back to the
// default (a rule must never stop evaluating because of an old setting).
import { z } from "zod";

const minutes = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .catch(fallback);
const count = (fallback: number) => z.number().int().min(1).max(1_000_000).catch(fallback);
const hours = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .catch(fallback);

/**
 * Pending longer than this (minutes) counts as stuck. OAuth integrations wait for the customer to
 * click the consent link, so they get a day; the others are delivered by Dodo within minutes.
 */
export const DEFAULT_PENDING_MINUTES: Record<string, number> = {
  discord: 24 * 60,
  github: 24 * 60,
  notion: 24 * 60,
  framer: 24 * 60,
  figma: 24 * 60,
  telegram: 24 * 60,
  license_key: 30,
  digital_files: 30,
};

export const RULE_SCHEMAS = {
  new_failure_mode: z.object({
    /** A code failing within this window that had not failed in the lookback before it. */
    windowMinutes: minutes(60),
    lookbackDays: z.number().int().min(1).max(90).catch(7),
  }),
  failure_spike: z.object({
    threshold: count(20),
    windowMinutes: minutes(15),
  }),
  stuck_pending: z.object({
    defaultMinutes: minutes(60),
    minutesByIntegration: z.record(z.string(), z.number().int().min(1)).catch({}),
    /** OAuth consent links that expire within this many minutes (or have expired). */
    expiringWithinMinutes: minutes(60),
    /** Pending for longer than this is taken as abandoned and no longer alerted on. */
    maxAgeDays: z.number().int().min(1).max(365).catch(30),
  }),
  platform_external: z.object({
    threshold: count(1),
    windowHours: hours(24),
  }),
  signature_failures: z.object({
    threshold: count(10),
    windowMinutes: minutes(15),
  }),
  silence: z.object({
    silentHours: hours(3),
    /** "Usually receives some every hour": of the 24 hours before the silence, how many had any. */
    usualHoursOf24: z.number().int().min(1).max(24).catch(18),
  }),
  sync_missed: z.object({
    threshold: count(1),
  }),
} as const;

export type RuleId = keyof typeof RULE_SCHEMAS;
export type RuleValues<R extends RuleId> = z.infer<(typeof RULE_SCHEMAS)[R]>;
export const RULE_IDS = Object.keys(RULE_SCHEMAS) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULE_SCHEMAS, value);
}

export const RULE_LABELS: Record<RuleId, { title: string; explanation: string }> = {
  new_failure_mode: {
    title: "New failure mode",
    explanation: "An error code that had not failed in the lookback days before.",
  },
  failure_spike: {
    title: "Failure spike",
    explanation: "At least the threshold of failures of one error code, or of one entitlement.",
  },
  stuck_pending: {
    title: "Stuck in Pending",
    explanation:
      "Grants pending past their integration's minutes, and OAuth consent links about to expire.",
  },
  platform_external: {
    title: "Revoked on the platform",
    explanation: "platform_external revocations: someone on the platform's side must look.",
  },
  signature_failures: {
    title: "Signature failures",
    explanation: "Webhooks refused for their signature: a wrong or rotated secret.",
  },
  silence: {
    title: "Silence",
    explanation: "No delivery for hours while the endpoint usually receives some every hour.",
  },
  sync_missed: {
    title: "Sync found missed webhooks",
    explanation: "The latest re-sync found grants whose webhooks never arrived.",
  },
};

/** The rule's values with every missing or invalid field at its default. */
export function ruleValues<R extends RuleId>(rule: R, stored: unknown): RuleValues<R> {
  const input = stored && typeof stored === "object" ? stored : {};
  return RULE_SCHEMAS[rule].parse(input) as RuleValues<R>;
}

export const SYNC_SCHEDULE_ID = "scheduled_sync";
export const syncScheduleSchema = z.object({ everyHours: hours(6) });
export type SyncSchedule = z.infer<typeof syncScheduleSchema> & { enabled: boolean };

export const DAILY_DIGEST_ID = "daily_digest";
/** The UTC hour from which the day's digest goes out (it reports on the day before). */
export const dailyDigestSchema = z.object({ hourUtc: z.number().int().min(0).max(23).catch(7) });
/** Off unless switched on: a digest is mail nobody asked for until they do. */
export type DailyDigestSetting = z.infer<typeof dailyDigestSchema> & { enabled: boolean };

/**
 * The UTC day (YYYY-MM-DD) that the digest due at `now` reports on: the previous complete day,
 * from the hour set on; null before it or when the digest is off. A day whose hour passed while
 * no instance ran is sent late, at the next tick of that day, and the one before is not sent.
 */
export function digestDayDue(setting: DailyDigestSetting, now: Date): string | null {
  if (!setting.enabled || now.getUTCHours() < setting.hourUtc) return null;
  return new Date(now.getTime() - 24 * 3_600_000).toISOString().slice(0, 10);
}
