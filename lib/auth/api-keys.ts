// API keys for /api/v1/*: 32 random bytes, shown once, stored as their SHA-256 (a key is random
// and long, so a fast hash is enough: nothing to brute-force, unlike a password). A key reads
// what support reads; it is revoked, never deleted, so the audit log keeps pointing at it.
//
// Who a key belongs to: a key created by a person works only while that person is active, so
// disabling someone who leaves stops every key they made at once (and re-enabling brings them
// back) without anyone having to find and revoke them. A key created from the command line
// (`npm run apikey:create`, no creator) belongs to the team and works until it is revoked.
import crypto from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log";
import { getDb, type Database } from "../db";
import { assertCan, issueViewer, type Viewer } from "./viewer";
import { Refusal } from "../refusal";

const KEY_PREFIX = "gd_";
/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, "give the key a name")
  .max(80, "at most 80 characters");

export class ApiKeyError extends Refusal {
  override name = "ApiKeyError";
}

function hashKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(
  viewer: Viewer,
  name: string,
): Promise<{ id: string; name: string; key: string }> {
  assertCan(viewer, "api-keys:manage");
  const parsed = apiKeyNameSchema.safeParse(name);
  if (!parsed.success) throw new ApiKeyError(parsed.error.issues[0]!.message);
  const key = KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
  const id = crypto.randomUUID();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({
      data: {
        id,
        name: parsed.data,
        keyHash: hashKey(key),
        prefix: key.slice(0, KEY_PREFIX.length + 4),
        createdById: viewer.kind === "user" ? viewer.id : null,
      },
    });
    await recordAudit(
      tx,
      viewer,
      "api_key.created",
      { type: "api_key", id },
      { name: parsed.data },
    );
  });
  return { id, name: parsed.data, key };
}

export type ListedApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** null: a team key (made on the command line). */
  createdBy: { email: string; active: boolean } | null;
};

export async function listApiKeys(viewer: Viewer): Promise<ListedApiKey[]> {
  assertCan(viewer, "api-keys:manage");
  const db = await getDb();
  const keys = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdById: true,
    },
  });
  const creatorIds = [...new Set(keys.flatMap((key) => key.createdById ?? []))];
  const creators = await db.user.findMany({
    where: { id: { in: creatorIds } },
    select: { id: true, email: true, disabled: true },
  });
  const byId = new Map(creators.map((user) => [user.id, user]));
  return keys.map(({ createdById, ...key }) => {
    if (createdById === null) return { ...key, createdBy: null };
    const creator = byId.get(createdById);
    return {
      ...key,
      createdBy: creator
        ? { email: creator.email, active: !creator.disabled }
        : { email: "a user no longer in the database", active: false },
    };
  });
}

/** Per user: the keys they created that are not revoked, i.e. the keys that stop working while
 * they are disabled. Takes a transaction so a disable can count what it stops. */
export async function countLiveApiKeysByCreator(
  db: Pick<Database, "apiKey">,
  userIds: string[],
): Promise<Map<string, number>> {
  const groups = await db.apiKey.groupBy({
    by: ["createdById"],
    where: { createdById: { in: userIds }, revokedAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.createdById!, group._count._all]));
}

export async function revokeApiKey(viewer: Viewer, id: string): Promise<void> {
  assertCan(viewer, "api-keys:manage");
  const db = await getDb();
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key) throw new ApiKeyError("this API key no longer exists");
  if (key.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, viewer, "api_key.revoked", { type: "api_key", id }, { name: key.name });
  });
}

/** A person's key works while they are active; a team key has no creator. A creator missing from
 * the database is not active: an unknown owner must not keep a key alive. */
async function ownerIsActive(db: Database, createdById: string | null): Promise<boolean> {
  if (createdById === null) return true;
  const creator = await db.user.findUnique({
    where: { id: createdById },
    select: { disabled: true },
  });
  return creator !== null && !creator.disabled;
}

/** The viewer a Bearer key stands for, or null for an unknown or revoked key, or one whose
 * creator is disabled. */
export async function viewerFromApiKey(key: string, now = new Date()): Promise<Viewer | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const db = await getDb();
  const row = await db.apiKey.findUnique({ where: { keyHash: hashKey(key) } });
  if (!row || row.revokedAt || !(await ownerIsActive(db, row.createdById))) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return issueViewer({
    kind: "api_key",
    id: row.id,
    label: `API key “${row.name}”`,
    role: "support",
  });
}
