import { guardRoute } from "@/lib/auth/guards";
import { countChangedSince } from "@/lib/grants/changes";
import { parseGrantFilter } from "@/lib/grants/grant-filters";

export const dynamic = "force-dynamic";

/** How many grants matching the list's filters changed since the page was opened. */
export const GET = guardRoute("grants:read", async (request, viewer) => {
  const params = new URL(request.url).searchParams;
  const since = new Date(params.get("since") ?? "");
  if (Number.isNaN(since.getTime()))
    return Response.json({ error: "since must be an ISO 8601 time" }, { status: 400 });
  const changed = await countChangedSince(viewer, parseGrantFilter(params), since);
  return Response.json({ changed }, { headers: { "Cache-Control": "no-store" } });
});
