// Vercel Cron (vercel.json): run the scheduled re-sync when it is due. Refused unless it carries
// CRON_SECRET. A run cut off by the function's time limit is resumed by the next call.
import { cronRefusal, isCronAuthorized } from "@/lib/alerts/cron-auth";
import { runSyncTick } from "@/lib/alerts/scheduler-ticks";

export const dynamic = "force-dynamic";
// Vercel's ceiling on the Pro plan; the run heartbeats, so a cut-off run resumes next time.
export const maxDuration = 300;

export async function GET(request: Request) {
  if (!isCronAuthorized(request)) return cronRefusal();
  return Response.json(await runSyncTick());
}
