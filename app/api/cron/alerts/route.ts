// Vercel Cron (vercel.json) and any external scheduler: evaluate the alert rules and send what is
// due (the daily digest among it). Refused unless it carries CRON_SECRET.
import { cronRefusal, isCronAuthorized } from "@/lib/alerts/cron-auth";
import { runAlertsTick } from "@/lib/alerts/scheduler-ticks";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isCronAuthorized(request)) return cronRefusal();
  const result = await runAlertsTick();
  return Response.json(
    result.ran ? { ran: true, digests: result.digests, outbox: result.outbox } : result,
  );
}
