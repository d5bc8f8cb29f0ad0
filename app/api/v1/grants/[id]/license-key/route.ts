import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { readGrantId } from "@/lib/grants/grant-id";
import { getLicenseKey } from "@/lib/grants/grant-story";

export const dynamic = "force-dynamic";

export const GET = guardRoute(
  "grants:read",
  async (_request, viewer, context: { params: Promise<{ id: string }> }) => {
    const read = readGrantId((await context.params).id);
    if (!read.ok) return badRequest([read.problem]);
    const key = await getLicenseKey(viewer, read.id);
    if (key === undefined)
      return Response.json({ error: `no grant with id ${read.id}` }, { status: 404 });
    if (key === null)
      return Response.json({ error: "this grant has no license key" }, { status: 404 });
    return Response.json({ key }, { headers: { "Cache-Control": "no-store" } });
  },
);
