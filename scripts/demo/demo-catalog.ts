// The demo's entitlement catalog, copied the way a sync copies Dodo's: the local stand-in serves
// the demo entitlements (names, descriptions, integration configs), and the catalog sync's own
// list-and-upsert writes them into Entitlement. Run by `npm run demo` before the server starts.
import type { EntitlementIntegrationType } from "dodopayments/resources/entitlements/entitlements";
import { startDodoMock } from "../dodo-mock/server";
import { runCli } from "../cli";

const API_KEY = "demo_dodo_key";

const DEMO_CATALOG: [
  id: string,
  type: EntitlementIntegrationType,
  name: string,
  description: string,
][] = [
  [
    "ent_demo_license_key",
    "license_key",
    "Desktop app license",
    "A key for up to 3 machines, renewed yearly.",
  ],
  ["ent_demo_digital_files", "digital_files", "Course workbook", "The PDF workbook of the course."],
  ["ent_demo_discord", "discord", "Patrons role", "The Patrons role in the community server."],
  [
    "ent_demo_github",
    "github",
    "Pro templates repository",
    "Read access to the private templates.",
  ],
  ["ent_demo_notion", "notion", "Creator OS (Notion)", "A copy of the Notion workspace template."],
  ["ent_demo_telegram", "telegram", "Members chat", "The members-only Telegram group."],
  ["ent_demo_framer", "framer", "Portfolio template (Framer)", "The Framer portfolio template."],
  ["ent_demo_figma", "figma", "UI kit (Figma)", "The Figma UI kit file."],
  [
    "ent_demo_feature_flag",
    "feature_flag",
    "Beta dashboard",
    "Early access to the beta dashboard.",
  ],
  // The ids the webhook:send examples name.
  ["ent_pro_access", "license_key", "Pro access", "The Pro plan's license."],
  ["ent_desktop_license", "license_key", "Desktop app license (example)", "Manual fulfilment."],
  ["ent_ebook_bundle", "digital_files", "E-book bundle", "The handbook and templates."],
  ["ent_discord_vip", "discord", "Discord VIP role", "The VIP role in the community server."],
  ["ent_github_repo", "github", "Private repo access", "Pull access to the private repository."],
];

runCli(async () => {
  const mock = await startDodoMock({ apiKey: API_KEY });
  try {
    for (const [id, integration_type, name, description] of DEMO_CATALOG)
      mock.addEntitlement({
        id,
        integration_type,
        name,
        description,
        ...(integration_type === "feature_flag"
          ? { integration_config: { feature_id: "feat_beta_dashboard", feature_type: "boolean" } }
          : {}),
      });
    // Read by getEnv() on first use, so set before the lib modules load.
    process.env.DODO_PAYMENTS_API_KEY = API_KEY;
    process.env.DODO_PAYMENTS_BASE_URL = mock.url;
    const { dodoClient } = await import("../../lib/dodo/client");
    const { upsertEntitlements } = await import("../../lib/dodo/sync-catalog");
    const listed = [];
    for await (const entitlement of dodoClient().entitlements.list({
      page_number: 0,
      page_size: 100,
    }))
      listed.push(entitlement);
    await upsertEntitlements(listed);
    console.log(`${listed.length} named entitlements in the catalog.`);
  } finally {
    await mock.stop();
  }
});
