import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { getGrantWithEvents } from "@/lib/grants/grant-detail";
import { readGrantId } from "@/lib/grants/grant-id";

export const dynamic = "force-dynamic";

export const GET = guardRoute(
  "grants:read",
  async (_request, viewer, context: { params: Promise<{ id: string }> }) => {
    const read = readGrantId((await context.params).id);
    if (!read.ok) return badRequest([read.problem]);
    const grant = await getGrantWithEvents(viewer, read.id);
    if (!grant) return Response.json({ error: `no grant with id ${read.id}` }, { status: 404 });
    return Response.json(grant, { headers: { "Cache-Control": "no-store" } });
  },
);
