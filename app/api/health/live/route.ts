// Liveness: the process answers, without touching the database. Also the benchmark's yardstick
// for what the framework alone costs per request.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
