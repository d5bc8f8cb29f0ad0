import { CopyButton } from "@/components/ui/copy-button";
import { Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import { prettyRedactedBody } from "@/lib/grants/redact";
import { removedBodyNotice } from "@/lib/webhooks/retention/removed-body";

type RawEvent = {
  id: string;
  type: string | null;
  rawBody: string | null;
  bodyPrunedAt: Date | null;
  receivedAt: Date;
};

/** The bodies Dodo sent, pretty-printed, with any license key masked (Reveal shows it). */
export function RawEvents({ events }: { events: RawEvent[] }) {
  return (
    <Panel title="Raw events">
      <div className="space-y-2">
        {events.map((event) => (
          <details key={event.id} className="rounded-md border border-border">
            <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="font-mono">
                {event.type ?? "unknown"} · {formatExact(event.receivedAt)}
              </span>
            </summary>
            <div className="border-t border-border p-3">
              <RawBody event={event} />
            </div>
          </details>
        ))}
      </div>
    </Panel>
  );
}

function RawBody({ event }: { event: RawEvent }) {
  if (event.rawBody === null)
    return <p className="text-sm text-muted">{removedBodyNotice(event)}</p>;
  const shown = prettyRedactedBody(event.rawBody);
  return (
    <>
      <div className="mb-2 flex justify-end">
        <CopyButton value={shown} label="Copy JSON" />
      </div>
      <pre className="max-h-96 overflow-auto rounded bg-slate-950 p-3 font-mono text-xs text-slate-100">
        {shown}
      </pre>
    </>
  );
}
