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
      <ol className="relative border-l border-slate-200 pl-5 dark:border-slate-700">
        {events.map((event) => {
          const outcome = outcomeInfo(event.outcome);
          return (
            <li key={event.webhookId} className="mb-4 last:mb-0">
              <span
                aria-hidden="true"
                className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white dark:border-slate-900 ${event.outcome === "applied" ? "bg-emerald-500" : event.outcome === "stale" ? "bg-amber-500" : "bg-slate-400"}`}
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
              <dl className="mt-1 grid grid-cols-1 gap-x-6 text-xs text-slate-600 sm:grid-cols-3 dark:text-slate-400">
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
                <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{outcome.meaning}</p>
              ) : null}
              <p className="mt-0.5 font-mono text-[11px] text-slate-400">{event.webhookId}</p>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
