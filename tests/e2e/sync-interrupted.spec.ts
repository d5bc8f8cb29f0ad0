// A sync cut off mid-run (a serverless time limit) shows as interrupted with how far it got, and
// does not stop the next one.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, E2E_AUTH_SECRET } from "./e2e-env";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

test("a sync whose heartbeat stopped shows as interrupted and a new one runs", async ({ page }) => {
  execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "tests/e2e/seed-interrupted-sync.ts", "run_e2e_cut_off"],
    {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), AUTH_SECRET: E2E_AUTH_SECRET },
      stdio: "inherit",
    },
  );
  await page.goto("/sync");
  const cutOff = page.getByTestId("sync-run").filter({ hasText: "2 of 5 entitlements" });
  await expect(cutOff).toContainText("Interrupted");
  await expect(cutOff).toContainText(/140 grants · last progress 3 minutes ago/);
  await expect(cutOff).toContainText("5 min, cut off");
  await page.screenshot({
    path: `.tmp/screenshots/sync-interrupted-${provider}.png`,
    fullPage: true,
  });

  const runsBefore = await page.getByTestId("sync-run").count();
  await page.getByRole("button", { name: "Run a sync" }).click();
  await expect(page.getByTestId("sync-run")).toHaveCount(runsBefore + 1, { timeout: 20_000 });
  await expect(page.getByTestId("sync-run").first()).toContainText("Succeeded", {
    timeout: 20_000,
  });
  await expect(cutOff).toContainText("Interrupted");
  await page.screenshot({
    path: `.tmp/screenshots/sync-after-interrupted-${provider}.png`,
    fullPage: true,
  });
});
