import type { GrantChangesJson } from "@/lib/api/v1-schemas";
import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { countChangedSince } from "@/lib/grants/queries/count-changed-since";
import { COUNT_CAP, isCapped } from "@/lib/grants/count-cap";
import { readGrantFilter } from "@/lib/grants/grant-filters";
import { isoInstant } from "@/lib/query-values";

export const dynamic = "force-dynamic";

/**
 * How many grants matching the list's filters changed since the page was opened: `changed` stops
 * at COUNT_CAP, and `capped` says there are more.
 */
export const GET = guardRoute("grants:read", async (request, viewer) => {
  const params = new URL(request.url).searchParams;
  const since = isoInstant.safeParse(params.get("since") ?? "");
  const { filter, problems } = readGrantFilter(params);
  if (!since.success) problems.unshift(`since: ${since.error.issues[0]!.message}`);
  if (problems.length > 0 || !since.success) return badRequest(problems);
  const changed = await countChangedSince(viewer, filter, since.data);
  return Response.json(
    { changed: Math.min(changed, COUNT_CAP), capped: isCapped(changed) } satisfies GrantChangesJson,
    { headers: { "Cache-Control": "no-store" } },
  );
});
