import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { ListedApiKey } from "@/lib/auth/api-keys";

/** Not revoked, but its creator is disabled (lib/auth/api-keys.ts: a key follows its creator). */
function stoppedWithCreator(key: ListedApiKey): boolean {
  return !key.revokedAt && key.createdBy !== null && !key.createdBy.active;
}

function NameCell({ apiKey: key }: { apiKey: ListedApiKey }) {
  return (
    // A long name or creator email breaks rather than widen the page.
    <TCell className="py-3 [overflow-wrap:anywhere]">
      <div className="flex items-center gap-2 font-medium">
        {key.name}
        {stoppedWithCreator(key) ? (
          <Badge
            tone="amber"
            title="Its creator is disabled: it works again once they are re-enabled"
          >
            Stopped
          </Badge>
        ) : null}
      </div>
      <div className="text-xs text-faint">
        {key.createdBy
          ? `by ${key.createdBy.email}${key.createdBy.active ? "" : " (disabled)"}`
          : "team key (command line)"}
      </div>
    </TCell>
  );
}

export function ApiKeysTable({
  keys,
  revokeAction,
}: {
  keys: ListedApiKey[];
  revokeAction: FormAction;
}) {
  return (
    <DataTable columns={["Name", "Key", "Created", "Last used", { label: "Status", hidden: true }]}>
      {keys.map((key) => (
        <TRow key={key.id} data-testid={`api-key-${key.name}`}>
          <NameCell apiKey={key} />
          <TCell className="py-3 font-mono text-xs text-muted">{key.prefix}…</TCell>
          <TCell className="py-3 text-muted">
            <TimeAgo date={key.createdAt} />
          </TCell>
          <TCell className="py-3 text-muted">
            {key.lastUsedAt ? <TimeAgo date={key.lastUsedAt} /> : "never"}
          </TCell>
          <TCell className="py-3">
            {key.revokedAt ? (
              <Badge tone="rose">Revoked</Badge>
            ) : (
              <ActionForm action={revokeAction}>
                <input type="hidden" name="keyId" value={key.id} />
                <Button type="submit" variant="secondary">
                  Revoke
                </Button>
              </ActionForm>
            )}
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
