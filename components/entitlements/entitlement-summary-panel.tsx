import { entitlementGrantsHref } from "@/components/entitlements/entitlement-links";
import { StatusCounts } from "@/components/entitlements/status-counts";
import { CopyButton } from "@/components/ui/copy-button";
import { Facts, Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import { describeIntegrationTarget } from "@/lib/entitlements/describe-integration-target";
import type { EntitlementDetail } from "@/lib/entitlements/queries/get-entitlement";

/** Who it is, what a grant of it gives, and its grants by status. */
export function EntitlementSummaryPanel({ entitlement: e }: { entitlement: EntitlementDetail }) {
  // Without the catalog there is no config to read: the target is unknown, not guessed.
  const target = e.integrationConfig
    ? describeIntegrationTarget(e.integrationType ?? "", e.integrationConfig)
    : null;
  const facts: [string, React.ReactNode][] = [
    [
      "Id",
      <span key="id" className="inline-flex flex-wrap items-center gap-2">
        <code className="font-mono text-xs break-all">{e.id}</code>
        <CopyButton value={e.id} label="Copy id" />
      </span>,
    ],
  ];
  if (e.description) facts.push(["Description", e.description]);
  facts.push([
    "Gives",
    target ? (
      <div key="target">
        <p>{target.summary}</p>
        {target.details.length ? (
          <ul className="mt-1 list-disc pl-5 text-muted">
            {target.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    ) : (
      <span key="target" className="text-muted">
        Not in the synced catalog yet: run a sync with a Dodo API key to see its name and target.
      </span>
    ),
  ]);
  if (e.syncedAt) facts.push(["Synced", <TimeAgo key="synced" date={e.syncedAt} />]);
  facts.push([
    "Grants",
    <div key="grants" className="grid gap-2">
      <TextLink href={entitlementGrantsHref(e.id)}>
        {e.total.toLocaleString("en")} {e.total === 1 ? "grant" : "grants"}
      </TextLink>
      <StatusCounts entitlementId={e.id} counts={e.byStatus} />
    </div>,
  ]);
  return (
    <Panel title="Entitlement">
      <Facts items={facts} />
    </Panel>
  );
}
