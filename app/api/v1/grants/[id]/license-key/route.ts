import type { LicenseKeyJson } from "@/lib/api/v1-schemas";
import { guardRoute } from "@/lib/auth/guards";
import { badRequest } from "@/lib/bad-request";
import { readGrantId } from "@/lib/grants/grant-id";
import { revealLicenseKey } from "@/lib/grants/queries/reveal-license-key";

export const dynamic = "force-dynamic";

/** The full key, for Reveal and Copy on the grant page; every call is an audited reveal. */
export const GET = guardRoute(
  "grants:read",
  async (_request, viewer, context: { params: Promise<{ id: string }> }) => {
    const read = readGrantId((await context.params).id);
    if (!read.ok) return badRequest([read.problem]);
    const key = await revealLicenseKey(viewer, read.id, "license-key");
    if (key === undefined)
      return Response.json({ error: `no grant with id ${read.id}` }, { status: 404 });
    if (key === null)
      return Response.json({ error: "this grant has no license key" }, { status: 404 });
    return Response.json({ key } satisfies LicenseKeyJson, {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
