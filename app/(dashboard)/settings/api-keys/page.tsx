import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageViewer } from "@/lib/auth/guards";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

export const metadata: Metadata = { title: "API keys" };

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
          <ApiKeysTable keys={keys} revokeAction={revokeApiKeyAction} />
        )}
        <Panel title="Create an API key">
          <CreateApiKeyForm action={createApiKeyAction} />
        </Panel>
      </div>
    </>
  );
}
