/**
 * The ribbon's one-click commands, over any Host: "Tính lại" on the active sheet without opening
 * the pane, and "Xóa đánh dấu". Each returns one sentence for the user (Vietnamese, English).
 */
import { planRecalc } from "../engine";
import { HostError, type Host } from "../host/host";
import { HOST_MESSAGES } from "../host/messages";

export interface CommandResult {
  ok: boolean;
  count: number;
  message: string;
  messageEn: string;
}

function failed(e: unknown): CommandResult {
  const code = e instanceof HostError ? e.code : "unknown";
  return { ok: false, count: 0, message: HOST_MESSAGES.vi.errors[code], messageEn: HOST_MESSAGES.en.errors[code] };
}

export async function recalculateActiveSheet(host: Host): Promise<CommandResult> {
  try {
    const sheets = await host.listSheets();
    const active = sheets.find((s) => s.active) ?? sheets[0];
    if (!active) return { ok: true, count: 0, message: HOST_MESSAGES.vi.nothingToRecalc, messageEn: HOST_MESSAGES.en.nothingToRecalc };
    const snap = await host.readSheet(active.name);
    const writes = planRecalc({ sheets: [snap] });
    if (!writes.length) return { ok: true, count: 0, message: HOST_MESSAGES.vi.nothingToRecalc, messageEn: HOST_MESSAGES.en.nothingToRecalc };
    const n = await host.applyWrites(writes);
    return { ok: true, count: n, message: HOST_MESSAGES.vi.written(n), messageEn: HOST_MESSAGES.en.written(n) };
  } catch (e) {
    return failed(e);
  }
}

export async function clearAllHighlights(host: Host): Promise<CommandResult> {
  try {
    const n = await host.clearHighlights();
    return { ok: true, count: n, message: HOST_MESSAGES.vi.cleared(n), messageEn: HOST_MESSAGES.en.cleared(n) };
  } catch (e) {
    return failed(e);
  }
}
