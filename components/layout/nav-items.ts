export type NavItem = { href: string; label: string; icon: NavIconName };
export type NavIconName = "overview" | "grants" | "failures" | "revocations" | "events";

/** The sidebar, in the order support staff work: look around, find the grant, diagnose. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/grants", label: "Grants", icon: "grants" },
  { href: "/failures", label: "Failures", icon: "failures" },
  { href: "/revocations", label: "Revocations", icon: "revocations" },
  { href: "/events", label: "Events", icon: "events" },
];
