import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time-ago";
import { listApiKeys, type ListedApiKey } from "@/lib/auth/api-keys";
import { requirePageViewer } from "@/lib/auth/guards";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

export const metadata: Metadata = { title: "API keys" };

/** Not revoked, but its creator is disabled (lib/auth/api-keys.ts: a key follows its creator). */
function stoppedWithCreator(key: ListedApiKey): boolean {
  return !key.revokedAt && key.createdBy !== null && !key.createdBy.active;
}

export default async function ApiKeysPage() {
  const viewer = await requirePageViewer("api-keys:manage");
  const keys = await listApiKeys(viewer);
  return (
    <>
      <PageHeader
        title="API keys"
        description="For scripts and tools reading /api/v1/*: send the key as Authorization: Bearer <key>. A key reads what support reads and changes nothing. A key works only while the person who created it is active; keys made with npm run apikey:create belong to the team. Only a hash is stored, so a lost key cannot be shown again: revoke it and create another."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create one for each tool that reads Grantdesk, so each can be revoked on its own.
          </EmptyState>
        ) : (
          <DataTable
            columns={["Name", "Key", "Created", "Last used", { label: "Status", hidden: true }]}
          >
            {keys.map((key) => (
              <tr key={key.id} data-testid={`api-key-${key.name}`}>
                <td className="px-4 py-3">
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
                  <div className="text-xs text-slate-500">
                    {key.createdBy
                      ? `by ${key.createdBy.email}${key.createdBy.active ? "" : " (disabled)"}`
                      : "team key (command line)"}
                  </div>
                </td>
                <td className="px-4 py-3 font-mono text-xs text-slate-600 dark:text-slate-400">
                  {key.prefix}…
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                  <TimeAgo date={key.createdAt} />
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                  {key.lastUsedAt ? <TimeAgo date={key.lastUsedAt} /> : "never"}
                </td>
                <td className="px-4 py-3">
                  {key.revokedAt ? (
                    <Badge tone="rose">Revoked</Badge>
                  ) : (
                    <ActionForm action={revokeApiKeyAction}>
                      <input type="hidden" name="keyId" value={key.id} />
                      <button type="submit" className={buttonClass.secondary}>
                        Revoke
                      </button>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Panel title="Create an API key">
          <CreateApiKeyForm action={createApiKeyAction} />
        </Panel>
      </div>
    </>
  );
}
