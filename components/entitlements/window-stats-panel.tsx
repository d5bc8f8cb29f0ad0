import { entitlementGrantsHref } from "@/components/entitlements/entitlement-links";
import { Panel } from "@/components/ui/panel";
import { TBody, TCell, TH, THead, TRow, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { WindowStats } from "@/lib/entitlements/window-stats";
import { formatDuration } from "@/lib/format";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";

const percent = (rate: number | null) =>
  rate === null ? "—" : `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;

/** Failure rate and median delivery per window, as a small table. */
export function WindowStatsPanel({
  entitlementId,
  windows,
}: {
  entitlementId: string;
  windows: WindowStats[];
}) {
  return (
    <Panel title="Recent deliveries">
      <p className="mb-3 text-sm text-muted">
        Of the grants created in each window (today and the days before it, UTC): how many failed,
        and how long the delivered ones took from creation to delivery.
      </p>
      <Table framed={false}>
        <THead>
          <TRow>
            <TH>Window</TH>
            <TH align="right">Created</TH>
            <TH align="right">Failed</TH>
            <TH align="right">Failure rate</TH>
            <TH align="right" title="From a latency histogram: within ±9% of the exact median">
              Median to delivery
            </TH>
          </TRow>
        </THead>
        <TBody>
          {windows.map((w) => (
            <TRow key={w.days}>
              <TCell className="whitespace-nowrap">Last {w.days} days</TCell>
              <TCell align="right">{w.created.toLocaleString("en")}</TCell>
              <TCell align="right">
                {w.failed > 0 ? (
                  <TextLink href={entitlementGrantsHref(entitlementId, "Failed")}>
                    {w.failed.toLocaleString("en")}
                  </TextLink>
                ) : (
                  0
                )}
              </TCell>
              <TCell align="right">{percent(w.failureRate)}</TCell>
              <TCell align="right">
                {w.medianDeliveryMs === null ? "—" : formatDuration(w.medianDeliveryMs)}
              </TCell>
            </TRow>
          ))}
        </TBody>
      </Table>
    </Panel>
  );
}

/** The codes the window's failed grants carry, most first, with what to do about each. */
export function TopErrorCodesPanel({
  entitlementId,
  windows,
}: {
  entitlementId: string;
  windows: WindowStats[];
}) {
  const longest = windows[windows.length - 1]!;
  const recent = new Map(windows[0]!.topErrorCodes.map((c) => [c.code, c.count]));
  return (
    <Panel title={`Top error codes, last ${longest.days} days`}>
      {longest.topErrorCodes.length === 0 ? (
        <p className="text-sm text-muted">
          No grant created in the last {longest.days} days failed.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {longest.topErrorCodes.map(({ code, count }) => {
            const info = errorCodeInfo(code);
            const query = `${entitlementGrantsHref(entitlementId, "Failed")}${code ? `&error=${encodeURIComponent(code)}` : ""}`;
            return (
              <li key={code} className="py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">
                    {code ? info.label : "No error code sent"}{" "}
                    {code ? <code className="font-mono text-xs text-faint">{code}</code> : null}
                  </span>
                  <span className="text-sm text-muted tabular-nums">
                    <TextLink href={query}>
                      {count.toLocaleString("en")} {count === 1 ? "grant" : "grants"}
                    </TextLink>
                    {" · "}
                    {(recent.get(code) ?? 0).toLocaleString("en")} in the last {windows[0]!.days}{" "}
                    days
                  </span>
                </div>
                <p className="mt-1 text-sm text-muted">{info.remediation}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
