// Liveness: the process answers, without touching the database. Also the benchmark's yardstick
// for what the framework alone costs per request.
import { withStrictTransportSecurity } from "@/lib/security/hsts";

export const dynamic = "force-dynamic";

export function GET() {
  return withStrictTransportSecurity(
    Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } }),
  );
}
