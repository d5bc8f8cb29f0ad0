import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { formatExact } from "@/lib/format";
import type { CustomerPage } from "@/lib/customers/queries/customer-page";
import { outcomeInfo } from "@/lib/webhooks/outcomes";

/** One timeline across all the customer's grants, newest delivery first. */
export function CustomerTimeline({ page }: { page: CustomerPage }) {
  return (
    <Panel title={`Timeline · ${page.timeline.length} deliveries`}>
      {page.timeline.length === 0 ? (
        <p className="text-sm text-muted">No deliveries yet.</p>
      ) : (
        <ol className="space-y-2">
          {page.timeline.map((event) => {
            const outcome = outcomeInfo(event.outcome);
            return (
              <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <time
                  dateTime={event.receivedAt.toISOString()}
                  className="w-44 shrink-0 text-xs text-muted tabular-nums"
                >
                  {formatExact(event.receivedAt).replace(" UTC", "")}
                </time>
                <span className="font-mono font-medium">
                  {event.type?.replace("entitlement_grant.", "") ?? "unknown"}
                </span>
                <Badge tone={outcome.tone} title={outcome.meaning}>
                  {outcome.label}
                </Badge>
                {event.grantId ? (
                  <span className="min-w-0 text-xs text-muted">
                    {event.entitlementName ? `${event.entitlementName} · ` : null}
                    <TextLink
                      href={`/grants/${encodeURIComponent(event.grantId)}`}
                      className="font-mono break-all"
                    >
                      {event.grantId}
                    </TextLink>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
