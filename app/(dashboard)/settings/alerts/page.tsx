import type { Metadata } from "next";
import { AddChannelForm } from "@/components/alerts/add-channel-form";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { DailyDigestPanel } from "@/components/alerts/daily-digest-panel";
import { IncidentsTable } from "@/components/alerts/incidents-table";
import { RuleSettingsList } from "@/components/alerts/rule-settings-list";
import { SyncScheduleForm } from "@/components/alerts/sync-schedule-form";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { listAlertChannels } from "@/lib/alerts/channels";
import { getDailyDigestSetting } from "@/lib/alerts/digest-settings";
import { getLastDigest } from "@/lib/alerts/last-digest";
import { listIncidents } from "@/lib/alerts/list-incidents";
import { getSyncSchedule, listRuleSettings } from "@/lib/alerts/rule-settings";
import { requirePageViewer } from "@/lib/auth/guards";
import { getEnv } from "@/lib/env";
import {
  createChannelAction,
  deleteChannelAction,
  saveDailyDigestAction,
  saveRuleAction,
  saveSyncScheduleAction,
  sendTestAction,
  setChannelEnabledAction,
} from "./actions";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const viewer = await requirePageViewer("alerts:manage");
  const [channels, rules, schedule, incidents, digest, lastDigest] = await Promise.all([
    listAlertChannels(viewer),
    listRuleSettings(viewer),
    getSyncSchedule(viewer),
    listIncidents(viewer),
    getDailyDigestSetting(viewer),
    getLastDigest(viewer),
  ]);
  const env = getEnv();
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules watch failures, stuck grants, revocations, signatures, silence and syncs. Each problem opens one incident until it clears; every channel gets one message when it opens and one when it resolves."
      />
      {env.alertsEncryptionKey ? null : (
        <Alert variant="warning" className="p-3">
          Set ALERTS_ENCRYPTION_KEY (openssl rand -base64 32) and restart to add channels: their
          secrets are stored encrypted with it.
        </Alert>
      )}
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
          <Panel title="Channels">
            {channels.length === 0 ? (
              <EmptyState title="No channels yet">
                Incidents are recorded below; add a channel to be told.
              </EmptyState>
            ) : (
              <ChannelsTable
                channels={channels}
                sendTestAction={sendTestAction}
                setEnabledAction={setChannelEnabledAction}
                deleteAction={deleteChannelAction}
              />
            )}
          </Panel>
          <Panel title="Add a channel">
            <AddChannelForm action={createChannelAction} />
          </Panel>
        </div>
        <Panel title="Incidents">
          {incidents.length === 0 ? (
            <EmptyState title="No incidents">Nothing has needed attention.</EmptyState>
          ) : (
            <IncidentsTable incidents={incidents} />
          )}
        </Panel>
        <Panel title="Rules and thresholds">
          <RuleSettingsList settings={rules} saveAction={saveRuleAction} />
        </Panel>
        <div className="grid gap-6 lg:grid-cols-2">
          <Panel title="Daily digest">
            <DailyDigestPanel
              setting={digest}
              last={lastDigest}
              emailChannels={
                channels.filter((channel) => channel.kind === "email" && channel.enabled).length
              }
              onVercel={env.onVercel}
              action={saveDailyDigestAction}
            />
          </Panel>
          <Panel title="Scheduled sync">
            <SyncScheduleForm
              schedule={schedule}
              hasApiKey={Boolean(env.dodoApiKey)}
              action={saveSyncScheduleAction}
            />
          </Panel>
        </div>
      </div>
    </>
  );
}
