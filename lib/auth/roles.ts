// Who may do what. Two roles: an admin does everything; support reads everything and may take
// the actions that cannot hurt (copying links, refreshing a grant from Dodo), nothing destructive.
export const ROLES = ["admin", "support"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Grants, events, stats, failures, revocations, full license keys. */
  "grants:read": ["admin", "support"],
  /** Ask Dodo for a grant's current state (#6). */
  "grants:refresh": ["admin", "support"],
  /** Start a full re-sync of every grant from Dodo. */
  "sync:run": ["admin"],
  "grants:revoke": ["admin"],
  "grants:fulfil": ["admin"],
  "events:reprocess": ["admin"],
  /** Drop raw bodies past their retention (the background task and `npm run events:prune`). */
  "events:prune": ["admin"],
  /** Erase a customer's email and name, and the raw bodies that carry them (`customer:forget`). */
  "customers:forget": ["admin"],
  "users:manage": ["admin"],
  "api-keys:manage": ["admin"],
  "audit:read": ["admin"],
  /** Alert channels, rules and thresholds, the sync schedule; and the scheduler's own work (#17). */
  "alerts:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
