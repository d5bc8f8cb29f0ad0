// What every view says in place of a body that retention removed, so no reader has to guess why
// rawBody is null.
const DAY_MS = 86_400_000;

/** "Body removed after 90 days (retention), on 2026-12-01." */
export function removedBodyNotice(event: { receivedAt: Date; bodyPrunedAt: Date | null }): string {
  const prunedAt = event.bodyPrunedAt ?? event.receivedAt;
  const days = Math.floor((prunedAt.getTime() - event.receivedAt.getTime()) / DAY_MS);
  return `Body removed after ${days} days (retention), on ${prunedAt.toISOString().slice(0, 10)}. The event's type, outcome, grant and times are kept.`;
}
