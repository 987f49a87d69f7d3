// Lint: Next's recommended rules (React, hooks, jsx-a11y, import), typescript-eslint's
// type-checked rules, and the project's layering (who may import whom) as import restrictions.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const TEST_SUPPORT = ["@/tests/*", "**/tests/*", "vitest", "vitest/*", "@playwright/test"];
// What nothing in lib/ may import: dependencies point down.
const LIB_LAYERS = [
  { group: ["@/app/*", "**/app/*"], message: "lib/ never imports app/: dependencies point down." },
  { group: ["@/components/*", "**/components/*"], message: "lib/ never imports components/: dependencies point down." },
  { group: TEST_SUPPORT, message: "Test support lives in tests/, not in lib/." },
];

export default tseslint.config(
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/generated/**", "test-results/**", "next-env.d.ts"],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Route handlers and engine methods are async by contract even when one body has no await.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    // Plain JavaScript (scripts, bench, configs) is not in the TypeScript project.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Tests read JSON answers (typed any) and check them with assertions, which is stricter than
    // a cast would be; the no-unsafe-* family would only ask for casts there.
    files: ["tests/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Domain code depends on nothing above it: never on pages or route handlers, never on tests.
    files: ["lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [...LIB_LAYERS],
        },
      ],
      // Process-wide state lives in the one registry (lib/process-state.ts): `next dev` reloads
      // modules and compiles lib/ into several layers, so a module's own top-level Map or `let`
      // would exist several times in one process and silently disagree there (a production build
      // loads lib/ once: docs/architecture.md, "One process, one state").
      "no-restricted-syntax": [
        "error",
        ...[
          ["VariableDeclaration[kind='let']", "No top-level `let` in lib/"],
          [
            "VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|WeakMap|LRUCache)$/]",
            "No top-level map in lib/",
          ],
          [
            "VariableDeclaration > VariableDeclarator > CallExpression[callee.name=/^(boundedCache|singleFlight)$/]",
            "No top-level cache in lib/",
          ],
        ].map(([selector, what]) => ({
          // Exported or not: `export const cache = new Map()` is module state all the same.
          selector: `:matches(Program, Program > ExportNamedDeclaration) > ${selector}`,
          message: `${what}: keep process-wide state in processState() (lib/process-state.ts).`,
        })),
      ],
    },
  },
  {
    // Engines never reach PostgreSQL: rebuilding from the database is a use case (lib/promotions).
    files: ["lib/engine/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            ...LIB_LAYERS,
            {
              group: [
                "@/lib/*",
                "!@/lib/env",
                "!@/lib/engine",
                "!@/lib/process-state",
                "!@/lib/cache",
                "pg",
                "@prisma/*",
                "**/generated/*",
              ],
              message: "lib/engine/ is the engine only: no database, no use cases.",
            },
          ],
        },
      ],
    },
  },
  {
    // The browser's code takes only types, the shared validation schemas and the two sign-in
    // helpers (callback URL, refusal codes) from lib/, so no server module is ever bundled for
    // the client.
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // gitignore semantics: a folder must be re-included before a file inside it can be.
              group: [
                "@/lib/*",
                "!@/lib/promotions",
                "@/lib/promotions/*",
                "!@/lib/promotions/schemas",
                "!@/lib/promotions/slug",
                "!@/lib/errors",
                "@/lib/errors/*",
                "!@/lib/errors/codes",
                "!@/lib/auth",
                "@/lib/auth/*",
                "!@/lib/auth/callback-url",
                "!@/lib/auth/signin-error",
                // The UI's languages, messages and formatting: pure, shared by server and browser.
                "!@/lib/i18n",
                "@/lib/i18n/*",
                "!@/lib/i18n/locale",
                "!@/lib/i18n/messages",
                "!@/lib/i18n/format",
                // The currencies table (plain data) for the admin form's select and decimals.
                "!@/lib/money",
                "@/lib/money/*",
                "!@/lib/money/currencies",
              ],
              allowTypeImports: true,
              message: "components/ imports only types and shared schemas from lib/.",
            },
            { group: ["@/app/*"], message: "components/ never imports app/." },
          ],
        },
      ],
    },
  },
);
