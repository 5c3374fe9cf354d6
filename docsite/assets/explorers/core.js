/* Explorers: interactive figures (docsite/explorers/). Each explorer's script registers a
 * mount function; this core calls it for each <figure data-explorer> on the page, then shows
 * the explorer and hides the static figure that stands in for it without JavaScript.
 *
 * mount(app, language) receives the explorer's container (HTML written by the build: labels,
 * formulas rendered by KaTeX, <output> slots) and the page's language ("en", "zh").
 * Outputs carry their full-precision value in data-value; the browser tests read it.
 */
(function () {
  "use strict";
  var mounts = {};

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-explorer]"), function (figure) {
      var mount = mounts[figure.dataset.explorer];
      if (!mount || figure.dataset.mounted) return;
      var app = figure.querySelector(".xent-explorer-app");
      var language = (document.documentElement.lang || "en").slice(0, 2);
      mount(app, language);
      figure.dataset.mounted = "true";
      app.hidden = false;
      figure.querySelector(".xent-explorer-static").hidden = true;
    });
  }

  /* Show a number for a reader: "∞" for infinity, else `digits` significant digits. */
  function format(x, digits) {
    if (x === Infinity) return "∞";
    if (x === -Infinity) return "−∞";
    if (isNaN(x)) return "—";
    var text = Math.abs(x) >= 1e-4 || x === 0 ? x.toFixed(digits) : x.toExponential(digits - 1);
    return text.replace("-", "−");
  }

  /* Write a value to an <output>: its text for the reader, its full value for the tests. */
  function show(output, x, digits) {
    output.textContent = format(x, digits === undefined ? 4 : digits);
    output.dataset.value = String(x);
  }

  var SVG = "http://www.w3.org/2000/svg";

  /* An SVG element with its attributes, appended to parent when one is given. */
  function svgElement(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (parent) parent.appendChild(node);
    return node;
  }

  /* An SVG text at (x, y). */
  function svgText(parent, x, y, content, attributes) {
    var node = svgElement("text", Object.assign({ x: x, y: y }, attributes || {}), parent);
    node.textContent = content;
    return node;
  }

  window.xentExplorers = {
    svgElement: svgElement,
    svgText: svgText,
    register: function (name, mount) {
      mounts[name] = mount;
      if (document.readyState !== "loading") mountAll();
    },
    format: format,
    show: show,
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
})();
