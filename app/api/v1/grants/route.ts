import { toGrantListItemJson } from "@/lib/api/grant-json";
import type { GrantListJson } from "@/lib/api/v1-schemas";
import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { readGrantFilter } from "@/lib/grants/grant-filters";
import { listGrants } from "@/lib/grants/queries/list-grants";

export const dynamic = "force-dynamic";

/** The grants list as JSON: the page's filters and cursor (`after` = next_cursor, `before` = prev_cursor). */
export const GET = guardRoute("grants:read", async (request, viewer) => {
  const { filter, problems } = readGrantFilter(new URL(request.url).searchParams);
  if (problems.length > 0) return badRequest(problems);
  const page = await listGrants(viewer, filter);
  return Response.json(
    {
      items: page.items.map(toGrantListItemJson),
      next_cursor: page.nextCursor,
      prev_cursor: page.prevCursor,
    } satisfies GrantListJson,
    { headers: { "Cache-Control": "no-store" } },
  );
});
