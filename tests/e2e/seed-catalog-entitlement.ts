// Puts one entitlement in the synced catalog, as `npm run sync` would from Dodo's API: run by
// entitlements.spec.ts with the e2e server's DATABASE_URL (npx tsx --conditions=react-server …).
import { getDb } from "../../lib/db";
import { runCli } from "../../scripts/cli";

runCli(async () => {
  const id = process.argv[2];
  if (!id) throw new Error("usage: seed-catalog-entitlement.ts <entitlement id>");
  const db = await getDb();
  await db.entitlement.create({
    data: {
      id,
      name: "Discord VIP role",
      description: "The VIP role on the community server, for Pro subscribers.",
      integrationType: "discord",
      isActive: true,
      integrationConfig: JSON.stringify({
        guild_id: "112233445566778899",
        role_id: "998877665544332211",
      }),
    },
  });
});
