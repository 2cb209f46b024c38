/** Task pane entry inside Excel: waits for Office.js, then renders the pane over the Office.js host. */
/* global Office */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeHost } from "../office";
import { Pane } from "./Pane";
import type { Lang } from "./strings";

function start(): void {
  const root = document.getElementById("container");
  if (!root) return;
  const params = new URLSearchParams(window.location.search);
  const display = (Office.context as { displayLanguage?: string }).displayLanguage ?? "vi-VN";
  const lang: Lang = params.get("lang") === "en" || (!params.get("lang") && /^en/i.test(display)) ? "en" : "vi";
  createRoot(root).render(<Pane host={new OfficeHost()} initialAction={params.get("action") === "check" ? "check" : null} initialLang={lang} />);
}

if ((window as { __soatBieuUnsupported?: boolean }).__soatBieuUnsupported) {
  // unsupported.js has already said which Excel to use instead.
} else if (typeof Office === "undefined") {
  const root = document.getElementById("container");
  if (root) root.textContent = "Không tải được Office.js: hãy mở trang này trong Excel. (Office.js could not be loaded: open this page inside Excel.)";
} else {
  void Office.onReady(() => start());
}
