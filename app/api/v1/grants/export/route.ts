import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { grantsCsvStream } from "@/lib/grants/queries/grant-csv";
import { readGrantFilter } from "@/lib/grants/grant-filters";

export const dynamic = "force-dynamic";

/** The whole filtered list as CSV, streamed (every row, not just a page). */
export const GET = guardRoute("grants:read", async (request, viewer) => {
  const { filter, problems } = readGrantFilter(new URL(request.url).searchParams);
  if (problems.length > 0) return badRequest(problems);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(grantsCsvStream(viewer, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="grants-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
