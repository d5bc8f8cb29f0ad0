import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { ChannelSummary } from "@/lib/alerts/channels";

const KIND_LABELS: Record<string, string> = { slack: "Slack", email: "Email", webhook: "Webhook" };

function Health({ channel }: { channel: ChannelSummary }) {
  if (channel.lastError)
    return (
      <div className="space-y-1">
        <Badge variant="danger">Failing</Badge>
        <p className="text-xs break-words text-danger-text" data-testid="channel-last-error">
          {channel.lastError}
          {channel.lastErrorAt ? (
            <>
              {" "}
              (<TimeAgo date={channel.lastErrorAt} />)
            </>
          ) : null}
        </p>
      </div>
    );
  if (channel.lastSentAt)
    return (
      <span className="text-xs text-muted">
        Last sent <TimeAgo date={channel.lastSentAt} />
      </span>
    );
  return <span className="text-xs text-faint">Nothing sent yet</span>;
}

export function ChannelsTable({
  channels,
  sendTestAction,
  setEnabledAction,
  deleteAction,
}: {
  channels: ChannelSummary[];
  sendTestAction: FormAction;
  setEnabledAction: FormAction;
  deleteAction: FormAction;
}) {
  return (
    <DataTable columns={["Channel", "Status", { label: "Actions", hidden: true }]}>
      {channels.map((channel) => (
        <TRow key={channel.id} data-testid={`channel-${channel.name}`}>
          <TCell className="py-3">
            <div className="font-medium">
              {channel.name}{" "}
              <span className="text-xs text-faint">
                {KIND_LABELS[channel.kind] ?? channel.kind}
              </span>
              {channel.enabled ? null : (
                <Badge variant="muted" className="ml-2">
                  Off
                </Badge>
              )}
            </div>
            <div className="text-xs break-words text-faint">{channel.description}</div>
          </TCell>
          <TCell className="py-3">
            <Health channel={channel} />
          </TCell>
          <TCell className="space-y-2 py-3">
            <ActionForm action={sendTestAction}>
              <input type="hidden" name="channelId" value={channel.id} />
              <Button type="submit" variant="secondary" size="sm">
                Send test
              </Button>
            </ActionForm>
            <ActionForm action={setEnabledAction}>
              <input type="hidden" name="channelId" value={channel.id} />
              <input type="hidden" name="enabled" value={channel.enabled ? "false" : "true"} />
              <Button type="submit" variant="ghost" size="sm">
                {channel.enabled ? "Switch off" : "Switch on"}
              </Button>
            </ActionForm>
            <ActionForm action={deleteAction}>
              <input type="hidden" name="channelId" value={channel.id} />
              <Button type="submit" variant="danger-outline" size="sm">
                Remove
              </Button>
            </ActionForm>
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
