// Reading and saving the daily digest's switch and hour. Without a row the digest is off.
import "server-only";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb, type Database } from "../db";
import { Refusal } from "../refusal";
import { DAILY_DIGEST_ID, dailyDigestSchema, type DailyDigestSetting } from "./rules";

export async function readDailyDigestSetting(db: Database): Promise<DailyDigestSetting> {
  const row = await db.alertSetting.findUnique({ where: { id: DAILY_DIGEST_ID } });
  const values = dailyDigestSchema.parse(row?.values ?? {});
  return { enabled: row?.enabled ?? false, ...values };
}

export async function getDailyDigestSetting(viewer: Viewer): Promise<DailyDigestSetting> {
  assertCan(viewer, "alerts:manage");
  return readDailyDigestSetting(await getDb());
}

/** Saves the switch and the hour; an hour that is not a whole number from 0 to 23 is refused. */
export async function saveDailyDigestSetting(
  viewer: Viewer,
  input: { enabled: boolean; hourUtc: number },
): Promise<void> {
  assertCan(viewer, "alerts:manage");
  // Checked strictly: the schema's fallback is for reading an old row, not for a typo.
  if (!Number.isInteger(input.hourUtc) || input.hourUtc < 0 || input.hourUtc > 23)
    throw new Refusal("Hour (UTC) must be a whole number from 0 to 23.");
  const values = dailyDigestSchema.parse({ hourUtc: input.hourUtc });
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.alertSetting.upsert({
      where: { id: DAILY_DIGEST_ID },
      create: { id: DAILY_DIGEST_ID, enabled: input.enabled, values },
      update: { enabled: input.enabled, values },
    });
    await recordAudit(
      tx,
      viewer,
      "alerts.digest_changed",
      { type: "daily_digest", id: DAILY_DIGEST_ID },
      { enabled: input.enabled, hourUtc: values.hourUtc },
    );
  });
}
