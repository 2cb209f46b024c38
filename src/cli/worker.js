// Worker thread entry for folder checks run from the TypeScript sources (npm run soat-bieu, the
// tests): loads them through tsx, then serves. The installed command runs check-worker.js, compiled.
require("tsx/cjs");
require("./check-worker.ts");
