import { entitlementHref } from "@/components/entitlements/entitlement-links";
import { StatusCounts } from "@/components/entitlements/status-counts";
import { IntegrationLabel } from "@/components/grants/integration-label";
import { Badge } from "@/components/ui/badge";
import { TBody, TCell, TH, THead, TRow, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { EntitlementRow } from "@/lib/entitlements/queries/list-entitlements";

/** Active as the catalog says; unknown while the catalog has not listed the entitlement. */
export function ActiveBadge({ isActive }: { isActive: boolean | null }) {
  if (isActive === null) return <span className="text-sm text-faint">Not in catalog</span>;
  return isActive ? (
    <Badge variant="success">Active</Badge>
  ) : (
    <Badge variant="muted">Inactive</Badge>
  );
}

export function EntitlementsTable({ entitlements }: { entitlements: EntitlementRow[] }) {
  return (
    <Table>
      <THead>
        <TRow>
          <TH>Entitlement</TH>
          <TH>Integration</TH>
          <TH>Catalog</TH>
          <TH align="right">Grants</TH>
          <TH>By status</TH>
        </TRow>
      </THead>
      <TBody>
        {entitlements.map((e) => (
          <TRow key={e.id}>
            <TCell className="max-w-xs">
              <TextLink href={entitlementHref(e.id)} className="font-medium">
                {e.name ?? <code className="font-mono text-xs break-all">{e.id}</code>}
              </TextLink>
              {e.name ? (
                <code className="block font-mono text-xs break-all text-faint">{e.id}</code>
              ) : null}
            </TCell>
            <TCell>
              {e.integrationType ? (
                <IntegrationLabel type={e.integrationType} />
              ) : (
                <span className="text-faint">—</span>
              )}
            </TCell>
            <TCell>
              <ActiveBadge isActive={e.isActive} />
            </TCell>
            <TCell align="right">{e.total.toLocaleString("en")}</TCell>
            <TCell>
              <StatusCounts entitlementId={e.id} counts={e.byStatus} />
            </TCell>
          </TRow>
        ))}
      </TBody>
    </Table>
  );
}
