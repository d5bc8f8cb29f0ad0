import { IntegrationLabel } from "@/components/grants/integration-label";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { grantNow } from "@/lib/customers/grant-now";
import type { CustomerPage } from "@/lib/customers/queries/customer-page";

/** What the customer has now: every grant in one line, newest change first. */
export function CustomerAccess({ page }: { page: CustomerPage }) {
  return (
    <Panel title={`What they have now · ${page.grants.length}${page.moreGrants ? "+" : ""}`}>
      {page.grants.length === 0 ? (
        <p className="text-sm text-muted">No grants for this customer yet.</p>
      ) : (
        <ul className="divide-y divide-border">
          {page.grants.map((grant) => {
            const now = grantNow(grant);
            return (
              <li key={grant.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-2.5">
                <div className="min-w-48 flex-1">
                  <p className="font-medium">
                    <TextLink href={`/entitlements/${encodeURIComponent(grant.entitlementId)}`}>
                      {grant.entitlementName ?? (
                        <code className="font-mono text-sm">{grant.entitlementId}</code>
                      )}
                    </TextLink>
                  </p>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <IntegrationLabel type={grant.integrationType} />
                    <TextLink
                      href={`/grants/${encodeURIComponent(grant.id)}`}
                      className="font-mono break-all"
                    >
                      {grant.id}
                    </TextLink>
                  </p>
                </div>
                <div className="min-w-64 flex-[2]">
                  <Badge tone={now.tone}>{now.headline}</Badge>
                  {now.next ? <p className="mt-1 text-sm text-muted">{now.next}</p> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {page.moreGrants ? (
        <p className="mt-3 text-sm">
          <TextLink href={`/grants?customer=${encodeURIComponent(page.id)}`}>
            All of this customer&apos;s grants →
          </TextLink>
        </p>
      ) : null}
    </Panel>
  );
}
