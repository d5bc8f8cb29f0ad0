// The CSV export of a large filtered set, timed whole: rows per second from the request to the
// last row read, and the server's memory while it streams. A run that fails or times out is
// reported with the rows it got, never thrown: it must not cost the page results before it.
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
  let firstByteMs = NaN;
  let lines = 0;
  let bytes = 0;
  let status = "error";
  try {
    const response = await fetch(url, {
      headers: { cookie },
      signal: AbortSignal.timeout(timeoutMs),
    });
    firstByteMs = performance.now() - started;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(NEWLINE); i !== -1; i = value.indexOf(NEWLINE, i + 1)) lines++;
    }
    status = String(response.status);
  } catch (error) {
    status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
  }
  return {
    ms: performance.now() - started,
    firstByteMs,
    // The header line is not a row.
    rows: Math.max(0, lines - 1),
    bytes,
    status,
    startedAt,
    endedAt: Date.now(),
  };
}
