/**
 * Function file of the ribbon (manifest FunctionName values): "recalculate" and "clearHighlights".
 * The result sentence is kept in the document settings ("soatBieu.lastCommand") for the pane.
 */
/* global Office */
import { OfficeHost } from "../excel/office";
import { clearAllHighlights, recalculateActiveSheet, type CommandResult } from "./actions";

/** The names the manifest's <FunctionName> elements use; the manifest test checks they exist here. */
export const COMMAND_NAMES = ["recalculate", "clearHighlights"] as const;

function remember(result: CommandResult): void {
  try {
    const settings = Office.context.document.settings;
    settings.set("soatBieu.lastCommand", JSON.stringify({ ...result, at: new Date().toISOString() }));
    settings.saveAsync(() => undefined);
  } catch {
    // Settings are a courtesy; the command's work is done.
  }
}

async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  remember(await recalculateActiveSheet(new OfficeHost()));
  event.completed();
}

async function clearHighlights(event: Office.AddinCommands.Event): Promise<void> {
  remember(await clearAllHighlights(new OfficeHost()));
  event.completed();
}

void Office.onReady(() => {
  Office.actions.associate("recalculate", recalculate);
  Office.actions.associate("clearHighlights", clearHighlights);
});
