import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { listEvents } from "@/lib/webhooks/list-events";
import { outcomeInfo } from "@/lib/webhooks/outcomes";
import { ReprocessButton } from "./reprocess-button";

type WebhookEventRow = Awaited<ReturnType<typeof listEvents>>["items"][number];

function OutcomeCell({
  event,
  reprocessAction,
}: {
  event: WebhookEventRow;
  reprocessAction: FormAction | null;
}) {
  const outcome = outcomeInfo(event.outcome);
  return (
    <TCell>
      <Badge tone={outcome.tone} title={outcome.meaning}>
        {outcome.label}
      </Badge>
      {event.outcome === "invalid" ? (
        <div className="mt-2 max-w-xl space-y-2">
          <p className="font-mono text-xs break-words text-danger-text">{event.validationError}</p>
          {reprocessAction ? (
            <ReprocessButton webhookId={event.id} action={reprocessAction} />
          ) : (
            <p className="text-xs text-faint">An admin can reprocess it.</p>
          )}
        </div>
      ) : null}
    </TCell>
  );
}

/** `reprocessAction` is null for a viewer who may not reprocess. */
export function EventsTable({
  events,
  reprocessAction,
}: {
  events: WebhookEventRow[];
  reprocessAction: FormAction | null;
}) {
  return (
    <DataTable columns={["Received", "Type", "Outcome", "Grant", "Webhook id"]}>
      {events.map((event) => (
        <TRow key={event.id}>
          <TCell className="text-muted">
            <TimeAgo date={event.receivedAt} />
          </TCell>
          <TCell className="font-mono text-xs">
            {event.type ?? <span className="text-faint">not JSON</span>}
          </TCell>
          <OutcomeCell event={event} reprocessAction={reprocessAction} />
          {/* Ids break where they must: long ones pushed the table past 1280 px. */}
          <TCell className="font-mono text-xs break-all">
            {event.grantId ? (
              <TextLink href={`/grants/${encodeURIComponent(event.grantId)}`}>
                {event.grantId}
              </TextLink>
            ) : (
              "—"
            )}
          </TCell>
          <TCell className="font-mono text-xs break-all text-faint">{event.id}</TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
