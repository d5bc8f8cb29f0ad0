// The CSV export of a large filtered set, timed whole: rows per second from the first byte
// requested to the last row read, and the server's memory while it streams.
export type ExportRun = {
  ms: number;
  firstByteMs: number;
  rows: number;
  bytes: number;
  status: string;
  startedAt: number;
  endedAt: number;
};

const NEWLINE = 0x0a;

export async function timeExport(
  url: string,
  cookie: string,
  timeoutMs: number,
): Promise<ExportRun> {
  const startedAt = Date.now();
  const started = performance.now();
  const response = await fetch(url, {
    headers: { cookie },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const firstByteMs = performance.now() - started;
  let lines = 0;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = value.indexOf(NEWLINE); i !== -1; i = value.indexOf(NEWLINE, i + 1)) lines++;
  }
  return {
    ms: performance.now() - started,
    firstByteMs,
    // The header line is not a row.
    rows: Math.max(0, lines - 1),
    bytes,
    status: String(response.status),
    startedAt,
    endedAt: Date.now(),
  };
}
