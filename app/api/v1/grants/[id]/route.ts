import { toGrantJson } from "@/lib/api/grant-json";
import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { getGrantDetail, readGrantDetailQuery } from "@/lib/grants/queries/grant-detail";
import { readGrantId } from "@/lib/grants/grant-id";

export const dynamic = "force-dynamic";

/** The grant; its full license key only with ?include=license_key (audited as a reveal). */
export const GET = guardRoute(
  "grants:read",
  async (request, viewer, context: { params: Promise<{ id: string }> }) => {
    const read = readGrantId((await context.params).id);
    const query = readGrantDetailQuery(new URL(request.url).searchParams);
    const problems = [...(read.ok ? [] : [read.problem]), ...query.problems];
    if (!read.ok || problems.length > 0) return badRequest(problems);
    const grant = await getGrantDetail(viewer, read.id, query);
    if (!grant) return Response.json({ error: `no grant with id ${read.id}` }, { status: 404 });
    return Response.json(toGrantJson(grant), { headers: { "Cache-Control": "no-store" } });
  },
);
