import "server-only";
import { getDb } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

/** The values present in the data, for the list's filter menus (unknown values included). */
export async function listFilterOptions(viewer: Viewer) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const distinct = async (
    field: "integrationType" | "revocationReason" | "errorCode" | "businessId",
  ): Promise<string[]> => {
    // Prisma's groupBy typing cannot follow a field chosen at run time; the rows are { [field]: value }.
    const groups = (await db.grant.groupBy({ by: [field] } as never)) as Record<string, unknown>[];
    return groups
      .map((group) => group[field])
      .filter((value): value is string => typeof value === "string")
      .sort();
  };
  const [integrations, reasons, errors, businesses] = await Promise.all([
    distinct("integrationType"),
    distinct("revocationReason"),
    distinct("errorCode"),
    distinct("businessId"),
  ]);
  return { integrations, reasons, errors, businesses };
}

export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;
