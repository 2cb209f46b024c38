/**
 * Jest runs every test under test/ except the Playwright end-to-end specs (test/e2e).
 *
 * test/build/bundles.test.ts makes ONE production build (webpack --mode production into a
 * temporary folder; 2–3 minutes on 2 cores, its own 15-minute timeout) and checks what it emits:
 * every .js parses as ES2017, the pages' Office.js URL and Content-Security-Policy, the manifest.
 * To check a build you already have instead, set SOATBIEU_DIST to its folder (built with
 * `npm run build -- --env addinUrl=https://soatbieu.example.vn/addin/`).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    // Transpile only: tsconfig.json sets isolatedModules, which ts-jest reads from there (the
    // ts-jest option of the same name is deprecated); `npm test` type-checks with tsc first.
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  testTimeout: 60000,
};
