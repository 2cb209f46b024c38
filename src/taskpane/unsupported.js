/*
 * Soát Biểu: the notice for an Excel whose task pane cannot run the add-in: Internet Explorer
 * (Trident, as in volume-licensed Office 2016/2019 builds) and webviews without the regular
 * expressions the engine's rules use (lookbehind, Unicode property escapes: EdgeHTML, Safari
 * before 16.4). Plain ES3 on purpose (no let, no arrow functions, no trailing commas): it is
 * copied to dist/ as is and must run where the ES2017 bundles cannot. Elsewhere it does nothing.
 */
/* global window, document */
(function () {
  var ua = window.navigator ? window.navigator.userAgent || "" : "";
  var trident = Boolean(document.documentMode) || /Trident\/|MSIE /.test(ua);
  var modern = false;
  try {
    modern = new RegExp("(?<![a-z])\\p{L}", "u").test("\u0111");
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES3 needs the catch binding
  } catch (e) {
    modern = false;
  }
  if (!trident && modern) return;
  var vi =
    "Ng\u0103n t\u00e1c v\u1ee5 c\u1ee7a phi\u00ean b\u1ea3n Excel n\u00e0y ch\u1ea1y tr\u00ean tr\u00ecnh duy\u1ec7t c\u0169 (Internet Explorer ho\u1eb7c Edge \u0111\u1eddi c\u0169) n\u00ean kh\u00f4ng ch\u1ea1y \u0111\u01b0\u1ee3c So\u00e1t Bi\u1ec3u. " +
    "H\u00e3y d\u00f9ng Excel cho Microsoft 365, Excel 2021 tr\u1edf l\u00ean ho\u1eb7c Excel tr\u00ean web (m\u1edf t\u1ec7p t\u1ea1i office.com), " +
    "ho\u1eb7c ki\u1ec3m tra t\u1ec7p b\u1eb1ng trang So\u00e1t Bi\u1ec3u tr\u00ean tr\u00ecnh duy\u1ec7t hay l\u1ec7nh soat-bieu check.";
  var en =
    "This Excel shows add-ins in an old browser (Internet Explorer or the old Edge), which cannot run So\u00e1t Bi\u1ec3u. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web (office.com), " +
    "or check the file in the So\u00e1t Bi\u1ec3u browser page or with the soat-bieu check command.";
  function show() {
    var root = document.getElementById("container") || document.body;
    if (!root) return;
    root.innerHTML = "";
    var p = document.createElement("p");
    p.setAttribute("data-testid", "unsupported");
    p.style.cssText = "font: 14px/1.5 'Segoe UI', Arial, sans-serif; margin: 16px;";
    p.appendChild(document.createTextNode(vi));
    var q = document.createElement("p");
    q.setAttribute("lang", "en");
    q.style.cssText = "font: 13px/1.5 'Segoe UI', Arial, sans-serif; margin: 16px; color: #555;";
    q.appendChild(document.createTextNode(en));
    root.appendChild(p);
    root.appendChild(q);
  }
  window.__soatBieuUnsupported = true;
  if (document.readyState === "complete" || document.readyState === "interactive") show();
  else if (document.addEventListener) document.addEventListener("DOMContentLoaded", show, false);
  else window.attachEvent("onload", show);
})();
