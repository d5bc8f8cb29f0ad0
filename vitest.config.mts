import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Two projects: pure unit tests, and integration tests that run against a real database. The test
// command (scripts/test.mjs) runs the integration project once per provider, setting
// TEST_DATABASE_PROVIDER and the template database to clone.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests call lib/ directly.
      "server-only": path.join(root, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    setupFiles: ["tests/support/quiet-webhook-log.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/quiet-webhook-log.ts", "tests/support/use-test-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
