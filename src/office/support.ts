/**
 * What this Excel can do (requirement sets) and may do (read-only document, protected sheets),
 * asked before a batch so that a refused one writes nothing.
 */
/* global Excel, Office */
import { HostError } from "../host/host";

export function supported(api: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(api, version);
  } catch {
    return false;
  }
}

export function readOnly(): boolean {
  try {
    return Office.context.document.mode === Office.DocumentMode.ReadOnly;
  } catch {
    return false;
  }
}

/**
 * Queues a load of the protection of every sheet named; the returned check, called after the
 * sync, refuses the whole batch (nothing written) when any of them is protected.
 */
export function loadProtection(context: Excel.RequestContext, sheets: string[]): () => void {
  const items = [...new Set(sheets)].map((n) => context.workbook.worksheets.getItem(n));
  items.forEach((s) => s.protection.load("protected"));
  return () => {
    if (items.some((s) => s.protection.protected)) throw new HostError("protected");
  };
}
