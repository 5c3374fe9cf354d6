/* Explorer "bernoulli" (docsite/explorers/bernoulli.py): a true coin p and a model coin q.
 *
 * Shows H_b(p), H(p, q) and D(p‖q) in bits or nats, computed as xent computes them (the
 * browser tests compare every value with xent to a relative 1e-12):
 *   H_b(p)    at r = min(p, 1 − p): −(r ln r + (1 − r) ln(1 − r)), the second log by log1p;
 *   H(p, q)   −p ln q − (1 − p) log1p(−q), a term of weight zero being zero (0 · ∞ = 0);
 *   D(p‖q)    the sum over the two outcomes of the non-negative terms a ln(a/b) − a + b, each
 *             from a series where a and b are close (Loader's bd0), so that nearly equal coins
 *             keep every digit of their tiny divergence instead of cancelling.
 * and draws H_b(q′) and H(p, q′) over q′ in [0, 1] with the current model marked.
 */
(function () {
  "use strict";
  var TINY = 2.2250738585072014e-308; // the smallest normal double

  /* a ln b, with 0 ln b = 0 for any b (0 ln 0 = 0). */
  function xlogy(a, b) {
    return a === 0 ? 0 : a * Math.log(b);
  }

  /* a ln(1 + b), b in [−1, 1], with 0 ln(1 + b) = 0. */
  function xlog1py(a, b) {
    return a === 0 ? 0 : a * Math.log1p(b);
  }

  function binaryEntropy(p) {
    var r = Math.min(p, 1 - p);
    return 0 - (xlogy(r, r) + xlog1py(1 - r, -r));
  }

  function crossEntropy(p, q) {
    return 0 - (xlogy(p, q) + xlog1py(1 - p, -q));
  }

  /* (atanh(v) − v) / v³ = 1/3 + v²/5 + v⁴/7 + ..., for |v| < 1/2 (w = v² ≤ 1/4). */
  function atanhExcess(w) {
    var terms = 30; // 4^−29 / 61 is far below the unit roundoff of 1/3
    var total = 1 / (2 * (terms - 1) + 3);
    for (var j = terms - 2; j >= 0; j--) total = total * w + 1 / (2 * j + 3);
    return total;
  }

  /* a ln(a/b) − a + b ≥ 0, one term of a divergence. */
  function divergenceTerm(a, b) {
    if (a === 0) return b;
    var difference = a - b;
    var v = difference / (a + b);
    if (Math.abs(v) < 0.5) {
      // a ln(a/b) − (a − b) = (a − b) v + 2a (atanh(v) − v), with ln(a/b) = 2 atanh(v)
      return difference * v + 2 * a * v * v * v * atanhExcess(v * v);
    }
    var ratio = a / b;
    var log = isFinite(ratio) && ratio >= TINY ? Math.log(ratio) : Math.log(a) - Math.log(b);
    return a * log - difference;
  }

  function divergence(p, q) {
    return divergenceTerm(p, q) + divergenceTerm(1 - p, 1 - q);
  }

  var element = window.xentExplorers.svgElement;
  var text = window.xentExplorers.svgText;

  /* A probability typed or slid: a number in [0, 1], else null. */
  function probability(input) {
    if (input.value.trim() === "") return null;
    var value = Number(input.value);
    return isFinite(value) && value >= 0 && value <= 1 ? value : null;
  }

  function mount(app) {
    var root = app.querySelector(".xent-xp-bernoulli");
    var svg = app.querySelector("svg.xent-xp-plot");
    var outputs = {};
    Array.prototype.forEach.call(app.querySelectorAll("output[data-out]"), function (output) {
      outputs[output.dataset.out] = output;
    });
    var state = { p: 0.3, q: 0.6, unit: "bits" };

    // Plot area, in the SVG's own units (viewBox 560 × 300).
    var left = 56, top = 16, width = 484, height = 236;
    var x = function (value) {
      return left + value * width;
    };

    function draw() {
      var scale = state.unit === "bits" ? Math.LN2 : 1; // nats per unit
      var highest = state.unit === "bits" ? 4 : 3;
      var y = function (value) {
        return top + height - (Math.min(value, highest * 1.05) / highest) * height;
      };
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var grid = element("g", { class: "xent-xp-grid" }, svg);
      for (var level = 0; level <= highest; level++) {
        element("line", { x1: left, x2: left + width, y1: y(level), y2: y(level) }, grid);
        text(svg, left - 8, y(level) + 4, String(level), { "text-anchor": "end" });
      }
      for (var tick = 0; tick <= 4; tick++) {
        var at = tick / 4;
        element("line", { x1: x(at), x2: x(at), y1: top, y2: top + height }, grid);
        text(svg, x(at), top + height + 18, xentExplorers.format(at, 2), { "text-anchor": "middle" });
      }
      element("path", {
        class: "xent-xp-axis",
        d: "M" + left + "," + top + "V" + (top + height) + "H" + (left + width),
      }, svg);
      text(svg, left + width / 2, top + height + 40, root.dataset.axis, { "text-anchor": "middle" });
      text(svg, 14, top + height / 2, root.dataset[state.unit], {
        "text-anchor": "middle",
        transform: "rotate(-90 14 " + (top + height / 2) + ")",
      });

      // The curves, clipped to the plot by a nested <svg> (no id needed).
      var plot = element("svg", { x: left, y: top, width: width, height: height, overflow: "hidden" }, svg);
      var entropyPoints = [], crossPoints = [];
      for (var i = 0; i <= 400; i++) {
        var value = i / 400;
        entropyPoints.push(x(value) - left + "," + (y(binaryEntropy(value) / scale) - top));
        var loss = crossEntropy(state.p, value) / scale;
        crossPoints.push(x(value) - left + "," + (y(isFinite(loss) ? loss : highest * 2) - top));
      }
      element("polyline", { class: "xent-xp-line-a", points: entropyPoints.join(" ") }, plot);
      element("polyline", { class: "xent-xp-line-b", points: crossPoints.join(" ") }, plot);

      var entropy = binaryEntropy(state.p) / scale;
      var cross = crossEntropy(state.p, state.q) / scale;
      element("line", {
        class: "xent-xp-level",
        x1: left, x2: left + width, y1: y(entropy), y2: y(entropy),
      }, svg);
      // The divergence: from the level of H_b(p) up to the curve, at q.
      element("line", {
        class: "xent-xp-gap",
        x1: x(state.q), x2: x(state.q), y1: y(entropy), y2: y(cross),
      }, svg);
      element("circle", { class: "xent-xp-dot-a", cx: x(state.p), cy: y(entropy), r: 5 }, svg);
      element("circle", { class: "xent-xp-dot-b", cx: x(state.q), cy: y(cross), r: 6 }, svg);

      var legend = element("g", { class: "xent-xp-legend" }, svg);
      element("line", { class: "xent-xp-line-a", x1: left + 12, x2: left + 36, y1: top + 12, y2: top + 12 }, legend);
      var a = text(legend, left + 42, top + 16, "H");
      element("tspan", { "baseline-shift": "sub", "font-size": "75%" }, a).textContent = "b";
      element("tspan", {}, a).textContent = "(q′)";
      element("line", { class: "xent-xp-line-b", x1: left + 12, x2: left + 36, y1: top + 32, y2: top + 32 }, legend);
      text(legend, left + 42, top + 36, "H(p, q′)");
    }

    function update() {
      var scale = state.unit === "bits" ? Math.LN2 : 1;
      var units = root.dataset[state.unit];
      var entropy = binaryEntropy(state.p), cross = crossEntropy(state.p, state.q);
      var gap = divergence(state.p, state.q);
      xentExplorers.show(outputs.entropy, scale === 1 ? entropy : entropy / scale, 5);
      xentExplorers.show(outputs["cross-entropy"], scale === 1 ? cross : cross / scale, 5);
      xentExplorers.show(outputs.divergence, scale === 1 ? gap : gap / scale, 5);
      Array.prototype.forEach.call(app.querySelectorAll("[data-unit]"), function (node) {
        node.textContent = units;
      });
      draw();
    }

    ["p", "q"].forEach(function (name) {
      var slider = app.querySelector('[data-control="' + name + '"]');
      var exact = app.querySelector('[data-control="' + name + '-exact"]');
      state[name] = probability(exact);
      slider.addEventListener("input", function () {
        state[name] = Number(slider.value);
        exact.value = slider.value;
        exact.removeAttribute("aria-invalid");
        update();
      });
      exact.addEventListener("input", function () {
        var value = probability(exact);
        if (value === null) {
          exact.setAttribute("aria-invalid", "true");
          return;
        }
        exact.removeAttribute("aria-invalid");
        state[name] = value;
        slider.value = String(value);
        update();
      });
    });
    Array.prototype.forEach.call(app.querySelectorAll('input[type="radio"]'), function (radio) {
      if (radio.checked) state.unit = radio.value;
      radio.addEventListener("change", function () {
        if (radio.checked) {
          state.unit = radio.value;
          update();
        }
      });
    });
    update();
  }

  xentExplorers.register("bernoulli", mount);
})();
