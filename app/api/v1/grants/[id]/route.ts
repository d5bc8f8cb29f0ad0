import { guardRoute } from "@/lib/auth/guards";
import { getGrantWithEvents } from "@/lib/grants/grant-detail";

export const dynamic = "force-dynamic";

export const GET = guardRoute(
  "grants:read",
  async (_request, viewer, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const grant = await getGrantWithEvents(viewer, id);
    if (!grant) return Response.json({ error: `no grant with id ${id}` }, { status: 404 });
    return Response.json(grant, { headers: { "Cache-Control": "no-store" } });
  },
);
