/** A worker thread of the folder check: checks the files it is sent, one at a time. */
import { parentPort } from "node:worker_threads";
import { checkOne } from "./check-file";
import type { Lang } from "./messages";

parentPort?.on("message", async (job: { id: number; file: string; label: string; lang: Lang }) => {
  const result = await checkOne(job.file, job.label, job.lang);
  parentPort!.postMessage({ id: job.id, result });
});
