// ESLint flat config: TypeScript-aware recommended rules, plus one project rule: the engine
// stays pure (no Office, no DOM, no Node APIs), so every adapter runs the same rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Outside the engine, its files are reached through src/engine/index.ts alone. */
const ENGINE_DOOR = { group: ["**/engine/*", "!**/engine/index"], message: "Import the engine through its front door, src/engine (index.ts), not its files." };

export default tseslint.config(
  { ignores: ["dist/**", "dist-ts/**", "node_modules/**", "bench/out/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // CommonJS scripts: the bin, the worker bootstrap, configs, and the Office.js fake shared with the browser.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", exports: "writable", __dirname: "readonly", process: "readonly", console: "readonly", globalThis: "readonly" },
    },
  },
  {
    // One door into the engine: outside src/engine, code imports src/engine/index.ts only.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/engine/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [ENGINE_DOOR] }],
    },
  },
  {
    // The hosts and the ribbon stand beside the pane, not on it: the words they share are in src/host/messages.ts.
    files: ["src/host/**/*.ts", "src/office/**/*.ts", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ENGINE_DOOR,
            { group: ["**/taskpane", "**/taskpane/*"], message: "Shared words live in src/host/messages.ts; src/host, src/office and src/commands do not import the pane." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/engine/**/*.ts", "src/help/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "worker_threads"], message: "The engine is pure: no Node APIs." },
            { group: ["exceljs", "react", "react-dom", "@fluentui/*"], message: "The engine is pure: no adapters or UI." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "Buffer"],
    },
  },
);
