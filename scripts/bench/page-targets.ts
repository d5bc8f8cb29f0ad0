// Every dashboard page and /api/v1 route the benchmark times, with the filters, sorts and
// searches the list offers (lib/grants/grant-filters.ts) and the events page's. Names show the
// kind of value in <> rather than the id itself, so two runs' tables line up.
import type { SampleIds } from "./sample-ids";

/** "lookup": a grant page, a search by id or key suffix (< 50 ms); "page": the rest (< 150 ms). */
export type Budget = "page" | "lookup";
export type Target = { name: string; path: string; budget: Budget };

export type TargetContext = {
  ids: SampleIds;
  /** `after` of the list's 50th page, walked to through next_cursor. */
  page50Cursor: string;
  /** When the "changes since" poll's page was opened. */
  openedAt: Date;
};

const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The list's filters, as the page and the JSON API both take them. */
function listFilters(ids: SampleIds, now: Date): [name: string, query: string][] {
  return [
    ["status=Delivered", "status=Delivered"],
    ["status=Revoked", "status=Revoked"],
    ["status=Failed", "status=Failed"],
    ["status=Pending", "status=Pending"],
    ["integration=discord", "integration=discord"],
    ["integration=figma", "integration=figma"],
    ["integration=discord&sort=created", "integration=discord&sort=created"],
    [
      "status=Revoked&reason=subscription_cancelled",
      "status=Revoked&reason=subscription_cancelled",
    ],
    ["reason=SubscriptionPaused", "reason=SubscriptionPaused"],
    [
      "status=Failed&error=github_permission_denied",
      "status=Failed&error=github_permission_denied",
    ],
    ["error=oauth_token_revoked", "error=oauth_token_revoked"],
    ["business=<business>", `business=${encodeURIComponent(ids.businessId)}`],
    ["customer=<busy customer>", `customer=${encodeURIComponent(ids.busyCustomerId)}`],
    [
      "created_from..created_to (30 days)",
      `created_from=${day(new Date(now.getTime() - 30 * DAY_MS))}&created_to=${day(now)}`,
    ],
    ["updated_from (7 days)", `updated_from=${day(new Date(now.getTime() - 7 * DAY_MS))}`],
    ["sort=created", "sort=created"],
    ["sort=created&dir=asc", "sort=created&dir=asc"],
    ["dir=asc", "dir=asc"],
    ["size=100", "size=100"],
    ["status=Pending&sort=created&dir=asc", "status=Pending&sort=created&dir=asc"],
  ];
}

/** One search per kind of id, and a license key whole and by its last 6 and 4 characters. */
function searches(ids: SampleIds): [name: string, q: string][] {
  const key = ids.licenseGrant.licenseKey;
  return [
    ["q=<grant id>", ids.licenseGrant.id],
    ["q=<customer id>", ids.busyCustomerId],
    ["q=<subscription id>", ids.subscriptionId],
    ["q=<payment id>", ids.paymentId],
    ["q=<entitlement id>", ids.licenseGrant.entitlementId],
    ["q=<license key>", key],
    ["q=<key, last 6>", key.slice(-6)],
    ["q=<key, last 4>", key.slice(-4)],
  ];
}

/** Finding a person: by email (< 50 ms, like an id), by the start of a name, their page. */
function peopleTargets(ids: SampleIds): Target[] {
  if (!ids.person) return [];
  const email = encodeURIComponent(ids.person.email.toUpperCase());
  const customer = encodeURIComponent(ids.busyCustomerId);
  return [
    { name: "/grants?q=<customer email>", path: `/grants?q=${email}`, budget: "lookup" },
    {
      name: "/grants?q=<name prefix>",
      path: `/grants?q=${encodeURIComponent(ids.person.namePrefix)}`,
      budget: "page",
    },
    { name: "/grants?customer=<email>", path: `/grants?customer=${email}`, budget: "page" },
    { name: "/customers/<busy customer>", path: `/customers/${customer}`, budget: "lookup" },
    {
      name: "/api/v1/grants?q=<customer email>",
      path: `/api/v1/grants?q=${email}`,
      budget: "lookup",
    },
  ];
}

export function pageTargets({ ids, page50Cursor, openedAt }: TargetContext): Target[] {
  const page = (name: string, path: string, budget: Budget = "page"): Target => ({
    name,
    path,
    budget,
  });
  const grant = (id: string) => encodeURIComponent(id);
  const since = encodeURIComponent(openedAt.toISOString());
  const filters = listFilters(ids, openedAt);
  return [
    page("/", "/"),
    page("/grants", "/grants"),
    ...filters.map(([name, query]) => page(`/grants?${name}`, `/grants?${query}`)),
    ...searches(ids).map(([name, q]) =>
      page(`/grants?${name}`, `/grants?q=${encodeURIComponent(q)}`, "lookup"),
    ),
    ...peopleTargets(ids),
    page("/grants page 50 (cursor)", `/grants?after=${page50Cursor}`),
    page("/grants/<license-key grant>", `/grants/${grant(ids.licenseGrant.id)}`, "lookup"),
    page("/grants/<revoked grant>", `/grants/${grant(ids.revokedGrantId)}`, "lookup"),
    page("/failures", "/failures"),
    page("/revocations", "/revocations"),
    page("/entitlements", "/entitlements"),
    page(
      "/entitlements/<license-key entitlement>",
      `/entitlements/${grant(ids.licenseGrant.entitlementId)}`,
    ),
    page("/entitlements/<OAuth entitlement>", `/entitlements/${grant(ids.oauthEntitlementId)}`),
    page("/events", "/events"),
    page("/events?outcome=invalid", "/events?outcome=invalid"),
    page("/events?outcome=stale", "/events?outcome=stale"),
    page("/events?type=entitlement_grant.revoked", "/events?type=entitlement_grant.revoked"),
    page("/sync", "/sync"),
    page("/audit", "/audit"),
    page("/settings/team", "/settings/team"),
    page("/settings/api-keys", "/settings/api-keys"),
    page("/api/v1/grants", "/api/v1/grants"),
    ...filters.map(([name, query]) => page(`/api/v1/grants?${name}`, `/api/v1/grants?${query}`)),
    ...searches(ids).map(([name, q]) =>
      page(`/api/v1/grants?${name}`, `/api/v1/grants?q=${encodeURIComponent(q)}`, "lookup"),
    ),
    page("/api/v1/grants page 50 (cursor)", `/api/v1/grants?after=${page50Cursor}`),
    page("/api/v1/grants/<id>", `/api/v1/grants/${grant(ids.licenseGrant.id)}`, "lookup"),
    page("/api/v1/grants/<revoked id>", `/api/v1/grants/${grant(ids.revokedGrantId)}`, "lookup"),
    page("/api/v1/grants/changes?since=<opened>", `/api/v1/grants/changes?since=${since}`),
    page(
      "/api/v1/grants/changes?since=<opened>&status=Delivered",
      `/api/v1/grants/changes?since=${since}&status=Delivered`,
    ),
    page("/api/v1/stats", "/api/v1/stats"),
  ];
}
