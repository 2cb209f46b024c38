/**
 * End-to-end tests of the add-in's pages in Debian's chromium: the browser preview, and the task
 * pane driven by a scripted Office.js fake. `npm run test:e2e` starts the dev server itself
 * (plain http on port 3123, so it never needs certificates).
 */
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3123);

export default defineConfig({
  testDir: "test/e2e",
  timeout: 90_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "npx webpack serve --mode development",
    url: `http://localhost:${PORT}/preview.html`,
    env: { SOATBIEU_HTTP: "1", PORT: String(PORT), CI: "1" },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
