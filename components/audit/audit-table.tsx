import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { AUDIT_ACTIONS, type listAuditLog } from "@/lib/audit/audit-log";
import { formatExact } from "@/lib/format";

type AuditRow = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];

const REVEALED_VIA: Record<string, string> = {
  "license-key": "Reveal or Copy (GET …/license-key)",
  include: "GET …?include=license_key",
};

function detailText(action: string, detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  const fields = detail as Record<string, unknown>;
  if (action === "license_key.revealed") {
    const via = String(fields.via);
    return `key ••••${String(fields.keyLast4)} · ${REVEALED_VIA[via] ?? via}`;
  }
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <DataTable columns={["When", "Who", "Did", "Details"]}>
      {rows.map((row) => (
        <TRow key={row.id}>
          <TCell className="whitespace-nowrap text-muted">{formatExact(row.at)}</TCell>
          <TCell className="[overflow-wrap:anywhere]">{row.actorEmail}</TCell>
          {/* Ids and JSON values have no spaces: they break anywhere rather than widen the page. */}
          <TCell className="[overflow-wrap:anywhere]">
            {AUDIT_ACTIONS[row.action as keyof typeof AUDIT_ACTIONS] ?? row.action}{" "}
            {row.targetType === "grant" ? (
              <TextLink
                href={`/grants/${encodeURIComponent(row.targetId)}`}
                className="font-mono text-xs"
              >
                {row.targetId}
              </TextLink>
            ) : (
              <span className="font-mono text-xs">{row.targetId}</span>
            )}
          </TCell>
          <TCell className="text-xs [overflow-wrap:anywhere] text-muted">
            {detailText(row.action, row.detail)}
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
