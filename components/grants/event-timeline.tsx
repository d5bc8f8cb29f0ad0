import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import type { GrantDelivery } from "@/lib/grants/queries/grant-detail";
import { outcomeInfo } from "@/lib/webhooks/outcomes";

const short = (at: Date | null) => (at ? formatExact(at).replace(" UTC", "") : "—");

/**
 * Every delivery received for the grant, in arrival order, with the times that decide the merge:
 * support sees at a glance when Dodo's deliveries came late, out of order, or twice.
 */
export function EventTimeline({ deliveries: events }: { deliveries: GrantDelivery[] }) {
  return (
    <Panel title={`Timeline · ${events.length} deliver${events.length === 1 ? "y" : "ies"}`}>
      <ol className="relative border-l border-border-strong pl-5">
        {events.map((event) => {
          const outcome = outcomeInfo(event.outcome);
          return (
            <li key={event.webhookId} className="mb-4 last:mb-0">
              <span
                aria-hidden="true"
                className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-surface ${event.outcome === "applied" ? "bg-success" : event.outcome === "stale" ? "bg-warning" : "bg-faint"}`}
              />
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-sm font-medium">
                  {event.type?.replace("entitlement_grant.", "") ?? "unknown"}
                </span>
                <Badge tone={outcome.tone} title={outcome.meaning}>
                  {outcome.label}
                </Badge>
                {event.source === "api" ? <Badge tone="zinc">re-sync</Badge> : null}
              </div>
              <dl className="mt-1 grid grid-cols-1 gap-x-6 text-xs text-muted sm:grid-cols-3">
                <div>
                  <dt className="inline">Sent </dt>
                  <dd className="inline tabular-nums">{short(event.timestamp)}</dd>
                </div>
                <div>
                  <dt className="inline">updated_at </dt>
                  <dd className="inline tabular-nums">{short(event.dataUpdatedAt)}</dd>
                </div>
                <div>
                  <dt className="inline">Received </dt>
                  <dd className="inline tabular-nums">{short(event.receivedAt)}</dd>
                </div>
              </dl>
              {event.outcome === "stale" ? (
                <p className="mt-1 text-xs text-warning-text">{outcome.meaning}</p>
              ) : null}
              <p className="mt-0.5 font-mono text-[11px] text-faint">{event.webhookId}</p>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
