// The merchant's team: create users, change roles, disable and re-enable. Admin only, audited.
// Passwords go through the hasher Better Auth signs in with (password-hash.ts), into the
// "credential" account row Better Auth reads.
import crypto from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log";
import { getDb, type Database } from "../db";
import { countLiveApiKeysByCreator } from "./api-keys";
import { hashPassword } from "./password-hash";
import { passwordProblem } from "./password-policy";
import { ROLES, type Role } from "./roles";
import { assertCan, type Viewer } from "./viewer";
import { Refusal } from "../refusal";

export const newUserSchema = z.object({
  email: z.email("enter a valid email address").transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().max(100).optional(),
  password: z.string(),
  role: z.enum(ROLES, { error: "the role must be admin or support" }),
});
export type NewUser = z.input<typeof newUserSchema>;

export class UserError extends Refusal {
  override name = "UserError";
}

async function assertPasswordAllowed(password: string, email: string): Promise<void> {
  const problem = await passwordProblem(password, email);
  if (problem) throw new UserError(problem);
}

export type TeamMember = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  createdAt: Date;
  activeSessions: number;
  /** Keys this user created and nobody revoked: they work only while the user is active. */
  liveApiKeys: number;
};

export async function listUsers(viewer: Viewer): Promise<TeamMember[]> {
  assertCan(viewer, "users:manage");
  const db = await getDb();
  const users = await db.user.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  const liveKeys = await countLiveApiKeysByCreator(
    db,
    users.map((user) => user.id),
  );
  return users.map(({ _count, ...user }) => ({
    ...user,
    activeSessions: _count.sessions,
    liveApiKeys: liveKeys.get(user.id) ?? 0,
  }));
}

export async function createUser(
  viewer: Viewer,
  input: NewUser,
): Promise<{ id: string; email: string; role: Role }> {
  assertCan(viewer, "users:manage");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success)
    throw new UserError(parsed.error.issues.map((issue) => issue.message).join("; "));
  const { email, password, role } = parsed.data;
  await assertPasswordAllowed(password, email);
  const db = await getDb();
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new UserError(`a user with the email ${email} already exists`);
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        email,
        name: parsed.data.name || email.split("@")[0]!,
        emailVerified: true,
        role,
      },
    });
    await tx.account.create({
      data: {
        id: crypto.randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: passwordHash,
      },
    });
    await recordAudit(tx, viewer, "user.created", { type: "user", id: email }, { role });
  });
  return { id, email, role };
}

/** Sets a new password (the demo's admin, and an admin helping a teammate); signs them out. */
export async function resetPassword(
  viewer: Viewer,
  email: string,
  password: string,
): Promise<void> {
  assertCan(viewer, "users:manage");
  await assertPasswordAllowed(password, email);
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!user) throw new UserError(`no user with the email ${email}`);
  const passwordHash = await hashPassword(password);
  await db.$transaction([
    db.account.updateMany({
      where: { userId: user.id, providerId: "credential" },
      data: { password: passwordHash },
    }),
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
}

async function activeAdminsOtherThan(userId: string): Promise<number> {
  const db = await getDb();
  return db.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
}

export async function setUserRole(viewer: Viewer, userId: string, role: Role): Promise<void> {
  assertCan(viewer, "users:manage");
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserError("this user no longer exists");
  if (user.role === role) return;
  if (user.role === "admin" && (await activeAdminsOtherThan(userId)) === 0)
    throw new UserError("the team must keep at least one active admin");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(
      tx,
      viewer,
      "user.role_changed",
      { type: "user", id: user.email },
      { from: user.role, to: role },
    );
  });
}

async function liveApiKeysOf(db: Pick<Database, "apiKey">, userId: string): Promise<number> {
  return (await countLiveApiKeysByCreator(db, [userId])).get(userId) ?? 0;
}

/**
 * Disabling deletes the user's sessions in the same transaction: they are signed out at once. The
 * API keys they created stop working while they are disabled (api-keys.ts); the answer is how
 * many, for the person doing it to read.
 */
export async function setUserDisabled(
  viewer: Viewer,
  userId: string,
  disabled: boolean,
): Promise<{ liveApiKeys: number }> {
  assertCan(viewer, "users:manage");
  if (disabled && viewer.kind === "user" && viewer.id === userId)
    throw new UserError("you cannot disable yourself");
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserError("this user no longer exists");
  if (user.disabled === disabled) return { liveApiKeys: await liveApiKeysOf(db, userId) };
  if (disabled && user.role === "admin" && (await activeAdminsOtherThan(userId)) === 0)
    throw new UserError("the team must keep at least one active admin");
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    const liveApiKeys = await liveApiKeysOf(tx, userId);
    await recordAudit(
      tx,
      viewer,
      disabled ? "user.disabled" : "user.enabled",
      { type: "user", id: user.email },
      { [disabled ? "API keys stopped" : "API keys working again"]: liveApiKeys },
    );
    return { liveApiKeys };
  });
}
