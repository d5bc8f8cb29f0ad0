// Dodo's envelope timestamps carry microseconds ("2026-03-01T10:00:00.123456Z"); a JS Date keeps
// milliseconds. The merge rule breaks ties on the envelope timestamp, so it is compared in
// microseconds as a bigint.

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

/** Microseconds since the epoch of an ISO 8601 instant, or null if it is not one. */
export function isoToMicros(iso: string): bigint | null {
  const match = ISO_INSTANT.exec(iso.trim());
  if (!match) return null;
  const [, wholeSeconds, fraction = "", zone] = match;
  const seconds = Date.parse(`${wholeSeconds}${zone!.toUpperCase()}`);
  if (Number.isNaN(seconds)) return null;
  const micros = Number((fraction + "000000").slice(0, 6));
  return BigInt(seconds) * 1000n + BigInt(micros);
}

export function microsToDate(micros: bigint): Date {
  return new Date(Number(micros / 1000n));
}
