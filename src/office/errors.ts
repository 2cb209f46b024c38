/**
 * Excel's errors as the pane's host errors. Only an error's `code` decides: its message is worded
 * in Excel's display language.
 */
import { HostError, type HostErrorCode } from "../host/host";

export function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** Excel refused a request or its response as too large (5 MB on the web). */
export function isPayloadError(e: unknown): boolean {
  const code = codeOf(e);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Excel's error codes that mean something to the user. Never the message: it is in Excel's language. */
const CODES: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: "editMode",
  AccessDenied: "protected",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
};

/** Throws `e` as a HostError (one already is, is thrown as it is). */
export function translate(e: unknown): never {
  if (e instanceof HostError) throw e;
  const code = codeOf(e);
  throw new HostError(CODES[code] ?? "unknown", code);
}
