// ESLint (flat config). Layout is Prettier's job; this catches what review misses: promises nobody
// awaits, hooks called out of order, elements a screen reader cannot use, type-only imports that
// would drag server code into a client bundle.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".vercel/**",
    "lib/generated/**",
    "data/**",
    ".tmp/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    name: "grantdesk/accessibility",
    // eslint-config-next registers the jsx-a11y plugin but turns on only five of its rules.
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Focus moves on load only where the page is that one field (sign-in) or the person asked for
      // it (the `/` shortcut opens the list with its search focused).
      "jsx-a11y/no-autofocus": "off",
    },
  },
  {
    name: "grantdesk/typed",
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Layers point one way: app/ passes server actions down as props (lib/run-action.ts), so
    // nothing below app/ may import it. lib/ code stays importable from components/.
    name: "grantdesk/layers",
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)app(/|$)",
              message:
                "components/ and lib/ must not import from app/: let the page pass the server action as a prop.",
            },
          ],
        },
      ],
    },
  },
  {
    name: "grantdesk/untyped-scripts",
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
]);
