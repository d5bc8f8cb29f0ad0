// One JSON line per delivery. Only identifiers and outcomes: never the secret, the signature, the
// body or a license key.

export type DeliveryLogLine = {
  webhookId: string | null;
  type: string | null;
  grantId: string | null;
  outcome: string;
  status: number;
  ms: number;
};

// Written to stdout directly: under `next start` console.log goes through Next's console patches,
// which cost every delivery event-loop time (measured in docs/performance.md).
export function logDelivery(line: DeliveryLogLine): void {
  process.stdout.write(
    JSON.stringify({
      event: "webhook",
      webhook_id: line.webhookId?.slice(0, 100) ?? null,
      type: line.type,
      grant_id: line.grantId,
      outcome: line.outcome,
      status: line.status,
      ms: Math.round(line.ms * 10) / 10,
    }) + "\n",
  );
}
