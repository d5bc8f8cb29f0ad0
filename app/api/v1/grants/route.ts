import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { grantListItemJson } from "@/lib/grants/grant-json";
import { listGrants } from "@/lib/grants/list-grants";

export const dynamic = "force-dynamic";

/** The grants list as JSON: the page's filters and cursor (`after` = next_cursor, `before` = prev_cursor). */
export async function GET(request: Request) {
  const page = await listGrants(parseGrantFilter(new URL(request.url).searchParams));
  return Response.json(
    { items: page.items.map(grantListItemJson), next_cursor: page.nextCursor, prev_cursor: page.prevCursor },
    { headers: { "Cache-Control": "no-store" } },
  );
}
