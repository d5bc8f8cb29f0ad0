import { CopyButton } from "@/components/ui/copy-button";
import { Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import { prettyRedactedBody } from "@/lib/grants/redact";

/** The bodies Dodo sent, pretty-printed, with any license key masked (Reveal shows it). */
export function RawEvents({
  events,
}: {
  events: { id: string; type: string | null; rawBody: string; receivedAt: Date }[];
}) {
  return (
    <Panel title="Raw events">
      <div className="space-y-2">
        {events.map((event) => (
          <details
            key={event.id}
            className="rounded-md border border-slate-200 dark:border-slate-800"
          >
            <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="font-mono">
                {event.type ?? "unknown"} · {formatExact(event.receivedAt)}
              </span>
            </summary>
            <div className="border-t border-slate-200 p-3 dark:border-slate-800">
              <div className="mb-2 flex justify-end">
                <CopyButton value={prettyRedactedBody(event.rawBody)} label="Copy JSON" />
              </div>
              <pre className="max-h-96 overflow-auto rounded bg-slate-950 p-3 font-mono text-xs text-slate-100">
                {prettyRedactedBody(event.rawBody)}
              </pre>
            </div>
          </details>
        ))}
      </div>
    </Panel>
  );
}
