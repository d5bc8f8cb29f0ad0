// Reads a request body as text, refusing anything over the limit before it is all in memory: a
// declared Content-Length over the limit is refused at once, and the stream is counted as it comes
// because the header can be absent or wrong.

export type BodyResult = { ok: true; body: string } | { ok: false; reason: "too_large" };

export async function receiveBody(request: Request, limitBytes: number): Promise<BodyResult> {
  const header = request.headers.get("content-length");
  const declared = header === null ? NaN : Number(header);
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, body: "" };
  // The HTTP parser never delivers more than a declared Content-Length, so a body declared
  // within the limit can be read whole (the fast path); only an undeclared one is counted.
  if (Number.isFinite(declared)) return { ok: true, body: await request.text() };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, body: Buffer.concat(chunks).toString("utf8") };
}
