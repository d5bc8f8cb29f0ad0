import { checkHealth } from "@/lib/health";
import { withStrictTransportSecurity } from "@/lib/security/hsts";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return withStrictTransportSecurity(
    Response.json(report, {
      status: report.ok ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    }),
  );
}
