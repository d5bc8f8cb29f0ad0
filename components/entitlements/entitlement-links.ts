// Where an entitlement leads: its page, and the grants list searched by its id (the search box
// resolves an entitlement id by the (entitlementId, …) indexes; grant-filters.ts has no other
// entitlement parameter), optionally on one status tab.
export const entitlementHref = (id: string) => `/entitlements/${encodeURIComponent(id)}`;

export function entitlementGrantsHref(id: string, status?: string): string {
  const query = new URLSearchParams({ q: id });
  if (status) query.set("status", status);
  return `/grants?${query.toString()}`;
}
