// Worker thread entry for folder checks: loads the TypeScript sources through tsx, then serves.
require("tsx/cjs");
require("./check-worker.ts");
