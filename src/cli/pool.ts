/**
 * Checks many files, in worker threads when asked: each worker takes the next file as soon as it
 * is free; results come back in the input order. A worker that dies is reported for its file and
 * replaced, so one pathological file never stops a folder check.
 */
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import { checkOne } from "./check-file";
import { CLI_TEXT, say, type Lang } from "./messages";
import type { FileResult } from "./report-json";

export interface PoolOptions {
  workers: number;
  lang: Lang;
  /** Called after each file with the number done. */
  progress?: (done: number, total: number) => void;
}

export async function checkFiles(files: { path: string; label: string }[], options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const tick = () => options.progress?.(++done, files.length);
  if (options.workers <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) {
      results[i] = await checkOne(files[i].path, files[i].label, options.lang);
      tick();
    }
    return results;
  }
  let next = 0;
  // Compiled (the installed command): the worker's own .js; from the sources: a bootstrap that loads them through tsx.
  const entry = path.join(__dirname, __filename.endsWith(".js") ? "check-worker.js" : "worker.js");
  const run = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      const worker = new Worker(entry);
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, file: files[current].path, label: files[current].label, lang: options.lang });
      };
      worker.on("message", (m: { id: number; result: FileResult }) => {
        results[m.id] = m.result;
        tick();
        feed();
      });
      worker.on("error", (e) => {
        if (current >= 0 && !results[current]) {
          results[current] = { file: files[current].label, error: say(CLI_TEXT.unexpected, options.lang, e.message) };
          tick();
        }
        // The worker is gone: carry on in a fresh one.
        void run().then(resolve);
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(options.workers, files.length) }, run));
  return results;
}
