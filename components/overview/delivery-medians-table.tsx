import { IntegrationLabel } from "@/components/grants/integration-label";
import { TBody, TCell, TH, THead, TRow, Table } from "@/components/ui/table";
import { formatDuration } from "@/lib/format";
import type { getDeliveryMedians } from "@/lib/grants/queries/grant-stats";

type Median = Awaited<ReturnType<typeof getDeliveryMedians>>[number];

/** Median time to delivery per integration, inside the overview's panel. */
export function DeliveryMediansTable({ medians }: { medians: Median[] }) {
  if (medians.length === 0)
    return <p className="text-sm text-faint">No deliveries in the last 30 days.</p>;
  return (
    <Table framed={false}>
      <THead className="bg-transparent tracking-normal normal-case">
        <tr>
          <TH>Integration</TH>
          <TH align="right" title="From a latency histogram: within ±9% of the exact median">
            Median (approx.)
          </TH>
          <TH align="right">Grants</TH>
        </tr>
      </THead>
      <TBody>
        {medians.map((m) => (
          <TRow key={m.integrationType}>
            <TCell className="py-1.5">
              <IntegrationLabel type={m.integrationType} />
            </TCell>
            <TCell align="right" className="py-1.5">
              ≈ {formatDuration(m.medianMs)}
            </TCell>
            <TCell align="right" className="py-1.5 text-faint">
              {m.count}
            </TCell>
          </TRow>
        ))}
      </TBody>
    </Table>
  );
}
