import { describe, expect, it } from "vitest";
import { describeIntegrationTarget } from "@/lib/entitlements/describe-integration-target";

const json = (value: unknown) => JSON.stringify(value);

describe("describeIntegrationTarget", () => {
  it.each([
    [
      "discord",
      json({ guild_id: "112233", role_id: "998877" }),
      "Discord role 998877 in guild 112233",
    ],
    [
      "discord",
      json({ guild_id: "112233", role_id: null }),
      "Discord guild membership in guild 112233",
    ],
    ["github", json({ permission: "pull", target_id: "acme/pro" }), "GitHub repo acme/pro, pull"],
    ["github", json({}), "GitHub access"],
    ["telegram", json({ chat_id: "-100123" }), "Telegram chat -100123"],
    ["notion", json({ notion_template_id: "tpl_1" }), "Notion template tpl_1"],
    ["framer", json({ framer_template_id: "fr_1" }), "Framer template fr_1"],
    ["figma", json({ figma_file_id: "fig_1" }), "Figma file fig_1"],
    ["feature_flag", json({ feature_id: "beta", feature_type: "boolean" }), "Feature beta"],
    ["license_key", json({}), "A license key"],
    ["digital_files", json({ digital_files: { files: [] } }), "Digital files"],
    ["brand_new", json({ board_id: "b1", nested: { x: 1 } }), "brand_new integration"],
    ["discord", "not json", "Discord guild membership"],
    ["github", "", "GitHub access"],
    ["telegram", json([1, 2]), "Telegram chat"],
  ])("%s %s → %s", (type, config, summary) => {
    expect(describeIntegrationTarget(type, config).summary).toBe(summary);
  });

  it("spells out license-key settings", () => {
    const target = describeIntegrationTarget(
      "license_key",
      json({
        activations_limit: 3,
        duration_count: 12,
        duration_interval: "Month",
        fulfillment_mode: "manual",
        activation_message: "Paste it into Preferences",
      }),
    );
    expect(target.details).toEqual([
      "At most 3 activations per key",
      "Each key expires 12 months after it is issued",
      "Keys are delivered by hand (manual fulfilment)",
      "Activation message: “Paste it into Preferences”",
    ]);
    expect(
      describeIntegrationTarget("license_key", json({ activations_limit: 1 })).details,
    ).toEqual(["At most 1 activation per key", "Keys do not expire"]);
    expect(describeIntegrationTarget("license_key", null).details).toEqual([
      "Unlimited activations",
      "Keys do not expire",
    ]);
  });

  it("lists the files, link and instructions", () => {
    const target = describeIntegrationTarget(
      "digital_files",
      json({
        digital_files: {
          files: [{ filename: "handbook.pdf" }, { filename: "extras.zip" }],
          external_url: "https://example.com/more",
          instructions: "Start with the handbook.",
        },
      }),
    );
    expect(target.summary).toBe("Download of 2 files");
    expect(target.details).toEqual([
      "File: handbook.pdf",
      "File: extras.zip",
      "Link: https://example.com/more",
      "Instructions: “Start with the handbook.”",
    ]);
  });

  it("shows an unknown integration's plain fields, never nested objects", () => {
    expect(
      describeIntegrationTarget("brand_new", json({ board_id: "b1", nested: { x: 1 } })).details,
    ).toEqual(["board_id: b1"]);
    expect(
      describeIntegrationTarget(
        "feature_flag",
        json({ feature_id: "beta", feature_type: "boolean" }),
      ).details,
    ).toEqual(["Type: boolean"]);
  });
});
