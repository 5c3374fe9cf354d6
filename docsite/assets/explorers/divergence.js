/* The divergence explorer (docsite/explorers/divergence.py): two distributions P and Q over
 * two to six outcomes, edited with sliders or by dragging their bars; H(P), H(P, Q), D(P‖Q)
 * and D(Q‖P) computed as xent computes them (xent/numeric/_kernels.py):
 *   - H(P) = −Σ p ln p and H(P, Q) = −Σ p ln q, a term with p = 0 counting 0 (0 · ln 0 = 0);
 *   - D(P‖Q) = Σ (p ln(p/q) − p + q), each term non-negative: where p and q are within a
 *     factor three, from the series (p − q)·v + 2p·(v³/3 + v⁵/5 + …), v = (p − q)/(p + q),
 *     so nearly equal distributions keep their digits and P = Q gives exactly zero; a term
 *     with p = 0 is q, and one with q = 0 < p is ∞.
 * Changing one probability rescales the others of its distribution in proportion (if they
 * are all zero they share the rest equally), so that each distribution sums to one.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var PLOT = { left: 40, right: 470, top: 12, bottom: 190 };

  function entropyNats(p) {
    var total = 0;
    for (var i = 0; i < p.length; i++) if (p[i] > 0) total += p[i] * Math.log(p[i]);
    return 0 - total;
  }

  function crossEntropyNats(p, q) {
    var total = 0;
    for (var i = 0; i < p.length; i++) if (p[i] > 0) total += p[i] * Math.log(q[i]);
    return 0 - total;
  }

  /* One non-negative term p ln(p/q) − p + q of D(P‖Q), accurate to a few ulp. */
  function relativeEntropyTerm(p, q) {
    if (p === 0) return q;
    var difference = p - q;
    var v = difference / (p + q);
    if (Math.abs(v) < 0.5) {
      var w = v * v;
      var series = 0; // (atanh(v) − v)/v³ = Σ w^j / (2j + 3), terms falling by four or more
      for (var j = 30; j >= 0; j--) series = series * w + 1 / (2 * j + 3);
      return difference * v + 2 * p * v * w * series;
    }
    if (q === 0) return Infinity;
    var ratio = p / q;
    var log = isFinite(ratio) && ratio >= 2.2250738585072014e-308 ? Math.log(ratio) : Math.log(p) - Math.log(q);
    return p * log - difference;
  }

  function klNats(p, q) {
    var total = 0;
    for (var i = 0; i < p.length; i++) total += relativeEntropyTerm(p[i], q[i]);
    return total;
  }

  function make(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function mount(app) {
    var root = app.querySelector(".xent-div");
    var step = Number(root.dataset.step);
    var decimals = Math.max(0, Math.round(-Math.log10(step)));
    var minimum = Number(root.dataset.min);
    var maximum = Number(root.dataset.max);
    var state = {
      p: root.dataset.p.split(" ").map(Number),
      q: root.dataset.q.split(" ").map(Number),
      unit: "nats",
    };
    var rows = app.querySelectorAll(".xent-div-row");
    var sliders = { p: [], q: [] };
    var shown = { p: [], q: [] };
    Array.prototype.forEach.call(app.querySelectorAll(".xent-div-row input[type=range]"), function (input) {
      sliders[input.dataset.dist][Number(input.dataset.index)] = input;
    });
    Array.prototype.forEach.call(app.querySelectorAll(".xent-div-row output"), function (output) {
      shown[output.dataset.dist][Number(output.dataset.index)] = output;
    });
    var outputs = {};
    Array.prototype.forEach.call(app.querySelectorAll("output[data-quantity]"), function (output) {
      outputs[output.dataset.quantity] = output;
    });
    var chart = app.querySelector(".xent-div-chart");

    /* Set probability i of a distribution to value; rescale the others to keep the sum one. */
    function setProbability(dist, i, value) {
      var x = state[dist];
      var rest = 0;
      for (var j = 0; j < x.length; j++) if (j !== i) rest += x[j];
      var left = 1 - value;
      for (j = 0; j < x.length; j++) {
        if (j !== i) x[j] = rest > 0 ? (x[j] * left) / rest : left / (x.length - 1);
      }
      x[i] = value;
    }

    function resize(count) {
      ["p", "q"].forEach(function (dist) {
        var x = state[dist];
        var n = x.length;
        if (count > n) {
          for (var j = 0; j < n; j++) x[j] = (x[j] * n) / count;
          x.push(1 / count);
        } else if (count < n) {
          x.pop();
          var rest = 0;
          for (j = 0; j < x.length; j++) rest += x[j];
          for (j = 0; j < x.length; j++) x[j] = rest > 0 ? x[j] / rest : 1 / x.length;
        }
      });
    }

    function inUnit(nats) {
      return state.unit === "bits" ? nats / Math.LN2 : nats;
    }

    function drawChart() {
      while (chart.firstChild) chart.removeChild(chart.firstChild);
      var n = state.p.length;
      var height = PLOT.bottom - PLOT.top;
      [0, 0.25, 0.5, 0.75, 1].forEach(function (tick) {
        var y = PLOT.bottom - tick * height;
        make("line", { x1: PLOT.left, x2: PLOT.right, y1: y, y2: y, class: "xent-grid" }, chart);
        make("text", { x: PLOT.left - 6, y: y + 4, "text-anchor": "end", class: "xent-tick" }, chart).textContent =
          String(tick);
      });
      var group = (PLOT.right - PLOT.left) / n;
      for (var i = 0; i < n; i++) {
        ["p", "q"].forEach(function (dist, k) {
          var value = state[dist][i];
          var x = PLOT.left + i * group + group * (0.14 + 0.37 * k);
          make(
            "rect",
            {
              x: x,
              y: PLOT.bottom - value * height,
              width: group * 0.35,
              height: value * height,
              class: "xent-div-bar",
              "data-dist": dist,
            },
            chart
          );
        });
        make(
          "text",
          { x: PLOT.left + (i + 0.5) * group, y: PLOT.bottom + 20, "text-anchor": "middle", class: "xent-tick" },
          chart
        ).textContent = String(i + 1);
      }
      make("line", { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, class: "xent-axis" }, chart);
    }

    function update() {
      var n = state.p.length;
      Array.prototype.forEach.call(rows, function (row, i) {
        row.hidden = i >= n;
      });
      ["p", "q"].forEach(function (dist) {
        for (var i = 0; i < n; i++) {
          var value = state[dist][i];
          sliders[dist][i].value = String(value);
          sliders[dist][i].setAttribute("aria-valuetext", xentExplorers.format(value, 3));
          xentExplorers.show(shown[dist][i], value, 3);
        }
      });
      var entropy = inUnit(entropyNats(state.p));
      var crossEntropy = inUnit(crossEntropyNats(state.p, state.q));
      var kl = inUnit(klNats(state.p, state.q));
      var reverse = inUnit(klNats(state.q, state.p));
      xentExplorers.show(outputs.outcomes, n, 0);
      xentExplorers.show(outputs.entropy, entropy);
      xentExplorers.show(outputs.cross_entropy, crossEntropy);
      xentExplorers.show(outputs.kl, kl);
      xentExplorers.show(outputs.reverse_kl, reverse);
      xentExplorers.show(outputs["identity-cross_entropy"], crossEntropy);
      xentExplorers.show(outputs["identity-entropy"], entropy);
      xentExplorers.show(outputs["identity-kl"], kl);
      var unit = root.dataset[state.unit];
      Array.prototype.forEach.call(app.querySelectorAll(".xent-div-unit"), function (span) {
        span.textContent = unit;
      });
      app.querySelector('[data-action="fewer"]').disabled = n <= minimum;
      app.querySelector('[data-action="more"]').disabled = n >= maximum;
      drawChart();
    }

    /* A value as a slider gives it: a multiple of the step, parsed from its decimal string. */
    function snapped(value) {
      var clamped = Math.min(1, Math.max(0, value));
      return Number((Math.round(clamped / step) * step).toFixed(decimals));
    }

    Array.prototype.forEach.call(app.querySelectorAll(".xent-div-row input[type=range]"), function (input) {
      input.addEventListener("input", function () {
        setProbability(input.dataset.dist, Number(input.dataset.index), snapped(Number(input.value)));
        update();
      });
    });

    app.querySelector('[data-action="fewer"]').addEventListener("click", function () {
      if (state.p.length > minimum) resize(state.p.length - 1);
      update();
    });
    app.querySelector('[data-action="more"]').addEventListener("click", function () {
      if (state.p.length < maximum) resize(state.p.length + 1);
      update();
    });
    app.querySelector('[data-action="copy"]').addEventListener("click", function () {
      state.q = state.p.slice();
      update();
    });
    app.querySelector('[data-action="swap"]').addEventListener("click", function () {
      var p = state.p;
      state.p = state.q;
      state.q = p;
      update();
    });
    Array.prototype.forEach.call(app.querySelectorAll('input[type="radio"]'), function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) state.unit = radio.value;
        update();
      });
    });

    /* Dragging a bar: the pointer's height sets the probability, as the slider would. */
    var dragging = null;
    function pointAt(event) {
      var matrix = chart.getScreenCTM();
      if (!matrix) return null;
      var point = chart.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      return point.matrixTransform(matrix.inverse());
    }
    function dragTo(event) {
      var point = pointAt(event);
      if (!point || !dragging) return;
      var value = (PLOT.bottom - point.y) / (PLOT.bottom - PLOT.top);
      setProbability(dragging.dist, dragging.index, snapped(value));
      update();
    }
    chart.addEventListener("pointerdown", function (event) {
      var point = pointAt(event);
      if (!point) return;
      var n = state.p.length;
      var group = (PLOT.right - PLOT.left) / n;
      var index = Math.floor((point.x - PLOT.left) / group);
      if (index < 0 || index >= n || point.y > PLOT.bottom + 4) return;
      var within = (point.x - PLOT.left - index * group) / group;
      dragging = { dist: within < 0.5 ? "p" : "q", index: index };
      chart.setPointerCapture(event.pointerId);
      event.preventDefault();
      dragTo(event);
    });
    chart.addEventListener("pointermove", function (event) {
      if (dragging) dragTo(event);
    });
    function stop() {
      dragging = null;
    }
    chart.addEventListener("pointerup", stop);
    chart.addEventListener("pointercancel", stop);

    update();
  }

  xentExplorers.register("divergence", mount);
})();
