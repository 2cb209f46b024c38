/**
 * Function file of the ribbon (manifest FunctionName values): "recalculate" and "clearHighlights".
 * The result sentence is kept in the document settings ("soatBieu.lastCommand") for the pane.
 *
 * The functions are associated at the top level of the file, as Office requires (not inside
 * Office.onReady, which may run after the ribbon already called), and each calls
 * event.completed() only after its settings write has finished: a function file can be unloaded
 * as soon as it says it is done.
 */
/* global Office */
import { OfficeHost, updateSetting } from "../office";
import { clearAllHighlights, recalculateActiveSheet, type CommandResult } from "./actions";

/** The names the manifest's <FunctionName> elements use; the manifest test checks they exist here. */
export const COMMAND_NAMES = ["recalculate", "clearHighlights"] as const;

async function remember(result: CommandResult): Promise<void> {
  try {
    await updateSetting("soatBieu.lastCommand", JSON.stringify({ ...result, at: new Date().toISOString() }));
  } catch {
    // The sentence is a courtesy; the command's work is done (and its undo record saved).
  }
}

async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  await remember(await recalculateActiveSheet(new OfficeHost()));
  event.completed();
}

async function clearHighlights(event: Office.AddinCommands.Event): Promise<void> {
  await remember(await clearAllHighlights(new OfficeHost()));
  event.completed();
}

Office.actions.associate("recalculate", recalculate);
Office.actions.associate("clearHighlights", clearHighlights);
