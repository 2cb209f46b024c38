/** `npm start` on a busy port: one sentence naming the port and how to pick another, exit 1, no stack trace. */
import { spawnSync } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

test("the dev server on a busy port says so in one sentence and how to choose another", async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const p = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "serve", "--mode", "development"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, PORT: String(port), SOATBIEU_HTTP: "1", CI: "1" },
      timeout: 120_000,
    });
    expect(p.status).toBe(1);
    const said = (p.stdout + p.stderr).trim();
    expect(said).toBe(
      `Cổng ${port} đang được một chương trình khác dùng (có thể Soát Biểu đã chạy ở cửa sổ khác): dừng chương trình đó, hoặc chọn cổng khác, ví dụ PORT=${port + 1} npm start (Windows PowerShell: $env:PORT=${port + 1}; npm start). / Port ${port} is in use: stop that program or pick another port, e.g. PORT=${port + 1} npm start.`,
    );
  } finally {
    server.close();
  }
});
