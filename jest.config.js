/** Jest runs every test under test/ except the Playwright end-to-end specs (test/e2e). */
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
