import { guardRoute } from "@/lib/auth/guards";
import { getLicenseKey } from "@/lib/grants/grant-story";

export const dynamic = "force-dynamic";

export const GET = guardRoute(
  "grants:read",
  async (_request, viewer, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const key = await getLicenseKey(viewer, id);
    if (key === undefined)
      return Response.json({ error: `no grant with id ${id}` }, { status: 404 });
    if (key === null)
      return Response.json({ error: "this grant has no license key" }, { status: 404 });
    return Response.json({ key }, { headers: { "Cache-Control": "no-store" } });
  },
);
