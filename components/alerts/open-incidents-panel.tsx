import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { OpenIncident } from "@/lib/alerts/list-incidents";
import { isRuleId, RULE_LABELS } from "@/lib/alerts/rules";

/** The overview's "what is wrong now"; nothing at all when nothing is. */
export function OpenIncidentsPanel({
  incidents,
  canManage,
}: {
  incidents: OpenIncident[];
  canManage: boolean;
}) {
  if (incidents.length === 0) return null;
  return (
    <div className="mb-6">
      <Panel
        title="Open incidents"
        tone="danger"
        actions={canManage ? <TextLink href="/settings/alerts">Alerts</TextLink> : undefined}
      >
        <ul className="space-y-2 text-sm" data-testid="open-incidents">
          {incidents.map((incident) => (
            <li key={incident.id}>
              <span className="text-xs text-faint">
                {isRuleId(incident.rule) ? RULE_LABELS[incident.rule].title : incident.rule} ·{" "}
                <TimeAgo date={incident.openedAt} />
              </span>
              <div>
                {incident.link ? (
                  <TextLink href={incident.link}>{incident.title}</TextLink>
                ) : (
                  incident.title
                )}
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
