// How the prune command words its results: one line per pass.
import type { PassResult } from "./prune-bodies";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const KIND_LABEL = {
  delivered: "applied, stale, duplicate and ignored events (GRANTDESK_KEEP_RAW_BODIES_DAYS)",
  invalid: "invalid events (GRANTDESK_KEEP_INVALID_BODIES_DAYS)",
} as const;

export function describePass(pass: PassResult, dryRun: boolean): string {
  const label = KIND_LABEL[pass.kind];
  if (pass.keepDays === null) return `  ${label}: off, bodies kept forever`;
  const verb = dryRun ? "would remove" : "removed";
  const batches = dryRun ? "" : ` in ${pass.batches} batch${pass.batches === 1 ? "" : "es"}`;
  return `  ${label}: older than ${pass.keepDays} days, ${verb} ${pass.bodies} bodies (${formatBytes(pass.bytes)})${batches}`;
}
