import type { Permission } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; icon: NavIconName; permission?: Permission };
export type NavIconName =
  | "overview"
  | "grants"
  | "failures"
  | "revocations"
  | "entitlements"
  | "events"
  | "team"
  | "keys"
  | "audit"
  | "sync"
  | "alerts";

/** The sidebar, in the order support staff work: look around, find the grant, diagnose. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/grants", label: "Grants", icon: "grants" },
  { href: "/failures", label: "Failures", icon: "failures" },
  { href: "/revocations", label: "Revocations", icon: "revocations" },
  { href: "/entitlements", label: "Entitlements", icon: "entitlements" },
  { href: "/events", label: "Events", icon: "events" },
  { href: "/sync", label: "Sync", icon: "sync" },
];

/** Admins only: shown below the working pages. */
export const ADMIN_NAV_ITEMS: NavItem[] = [
  { href: "/settings/team", label: "Team", icon: "team", permission: "users:manage" },
  { href: "/settings/api-keys", label: "API keys", icon: "keys", permission: "api-keys:manage" },
  { href: "/settings/alerts", label: "Alerts", icon: "alerts", permission: "alerts:manage" },
  { href: "/audit", label: "Audit log", icon: "audit", permission: "audit:read" },
];
