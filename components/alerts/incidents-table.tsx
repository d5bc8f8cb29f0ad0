import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { IncidentWithDeliveries } from "@/lib/alerts/list-incidents";
import { isRuleId, RULE_LABELS } from "@/lib/alerts/rules";

type Delivery = IncidentWithDeliveries["deliveries"][number];

function DeliveryLine({ delivery }: { delivery: Delivery }) {
  const what = delivery.kind === "resolved" ? "resolution" : "opening";
  const where = `${delivery.channel.name} (${delivery.channel.kind})`;
  if (delivery.status === "sent" && delivery.sentAt)
    return (
      <li>
        {what} → {where}, sent <TimeAgo date={delivery.sentAt} />
      </li>
    );
  return (
    <li className={delivery.status === "failed" ? "text-danger-text" : undefined}>
      {what} → {where}:{" "}
      {delivery.status === "failed" ? "gave up" : `pending, ${delivery.attempts} attempts`}
      {delivery.lastError ? ` (${delivery.lastError})` : ""}
    </li>
  );
}

export function IncidentsTable({ incidents }: { incidents: IncidentWithDeliveries[] }) {
  return (
    <DataTable columns={["Incident", "Opened", "Sent"]}>
      {incidents.map((incident) => (
        <TRow key={incident.id} data-testid="incident">
          <TCell className="py-3">
            <div className="flex flex-wrap items-center gap-2">
              {incident.resolvedAt ? (
                <Badge variant="muted">Resolved</Badge>
              ) : (
                <Badge variant="danger">Open</Badge>
              )}
              <span className="text-xs text-faint">
                {isRuleId(incident.rule) ? RULE_LABELS[incident.rule].title : incident.rule}
              </span>
            </div>
            <div className="mt-1 font-medium">
              {incident.link ? (
                <TextLink href={incident.link}>{incident.title}</TextLink>
              ) : (
                incident.title
              )}
            </div>
            <div className="text-xs text-faint">
              now {incident.count}, at most {incident.peakCount}
            </div>
          </TCell>
          <TCell className="py-3 text-xs whitespace-nowrap">
            <TimeAgo date={incident.openedAt} />
            {incident.resolvedAt ? (
              <div className="text-faint">
                resolved <TimeAgo date={incident.resolvedAt} />
              </div>
            ) : null}
          </TCell>
          <TCell className="py-3 text-xs">
            {incident.deliveries.length === 0 ? (
              <span className="text-faint">no channel</span>
            ) : (
              <ul className="space-y-0.5">
                {incident.deliveries.map((delivery) => (
                  <DeliveryLine key={delivery.id} delivery={delivery} />
                ))}
              </ul>
            )}
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
