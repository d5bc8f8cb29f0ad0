// The caller a data function acts for. Every function in lib/ that reads or changes merchant data
// takes a Viewer as its first argument, and a Viewer only comes out of authentication (a session,
// an API key) or, for command-line tools run by whoever holds the database, cliViewer(): so a page,
// route or action cannot reach the data without having checked who asks, and the permission is
// checked again where the data is read or changed (assertCan), not only in the proxy.
import os from "node:os";
import { roleCan, type Permission, type Role } from "./roles";

declare const authenticated: unique symbol;

export type Viewer = {
  readonly kind: "user" | "api_key" | "cli";
  /** The user id, the API key id, or "cli". */
  readonly id: string;
  /** Shown in the audit log: the user's email, "API key <name>", or "command line (<user>)". */
  readonly label: string;
  readonly role: Role;
  readonly [authenticated]: true;
};

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(readonly permission: Permission) {
    super(`your role may not do this (${permission})`);
  }
}

/** Only the auth module and the CLI entry point mint viewers. */
export function issueViewer(fields: Omit<Viewer, typeof authenticated>): Viewer {
  return Object.freeze({ ...fields }) as Viewer;
}

export function can(viewer: Viewer, permission: Permission): boolean {
  return roleCan(viewer.role, permission);
}

/** Throws ForbiddenError unless the viewer's role grants the permission. */
export function assertCan(viewer: Viewer, permission: Permission): void {
  if (!can(viewer, permission)) throw new ForbiddenError(permission);
}

/** Command-line tools act with full rights: whoever runs them already holds the database. */
export function cliViewer(): Viewer {
  const user = process.env.USER || process.env.USERNAME || osUser();
  return issueViewer({ kind: "cli", id: "cli", label: `command line (${user})`, role: "admin" });
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "unknown user";
  }
}
