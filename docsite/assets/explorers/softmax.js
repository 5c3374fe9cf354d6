/* Explorer "softmax" (docsite/explorers/softmax.py): logits, a temperature, the true class.
 *
 * With s = z / T, m the largest s (its first occurrence) and e_k = exp(s_k − m) (so e = 1 at
 * the maximum and nothing overflows, however far apart the logits), σ = Σ e_k over the other
 * classes:
 *   softmax(s)_k = e_k / (1 + σ);
 *   the loss −log softmax(s)_y = log1p(σ) − (s_y − m), two terms of one sign;
 *   the gradient softmax(s) − y, its true-class entry −Σ_{k≠y} e_k / (1 + σ) (not
 *   softmax_y − 1, which loses the digits of a confident prediction);
 *   the gradient of the squared error ½ Σ_k (p_k − y_k)² with respect to s,
 *   p_j ((p_j − y_j) − Σ_k p_k (p_k − y_k)), written with S = 1 − p_y = Σ_{k≠y} p_k and
 *   Q = Σ_{k≠y} p_k² as −p_y (S² + Q) for the true class and, for another class j,
 *   p_j (p_y (p_j + S) + Σ_{k≠y,j} p_k (p_j − p_k)), each p_j − p_k from expm1 of s_j − s_k:
 *   so two wrong classes with equal logits and a true class of tiny probability (a model
 *   confidently wrong) give a tiny gradient with all its digits, not the rounding error of
 *   p_j + p_y S − Q.
 * The rounding of s_k − m is restored (TwoSum), so exp turns no rounding error of a large
 * difference into a relative one. The browser tests compare every value with xent.
 */
(function () {
  "use strict";

  /* exp(z − m), with the rounding error of the subtraction restored. */
  function shiftedExp(z, m) {
    var d = z - m;
    var part = d - z; // the part of d that came from −m
    var error = z - (d - part);
    error -= part + m;
    var value = Math.exp(d);
    return isFinite(error) ? value + value * error : value;
  }

  /* Everything the explorer shows, for scaled logits s and the true class y. */
  function compute(s, y) {
    var count = s.length, first = 0, k;
    for (k = 1; k < count; k++) if (s[k] > s[first]) first = k;
    var m = s[first], e = [], sigma = 0;
    for (k = 0; k < count; k++) {
      e.push(k === first ? 1 : shiftedExp(s[k], m));
      if (k !== first) sigma += e[k];
    }
    var total = 1 + sigma;
    var p = e.map(function (value) {
      return value / total;
    });
    var others = 0; // Σ_{k≠y} e_k
    for (k = 0; k < count; k++) if (k !== y) others += e[k];
    var rest = others / total; // S = 1 − p_y, with every digit
    var squares = 0; // Q
    for (k = 0; k < count; k++) if (k !== y) squares += p[k] * p[k];
    var shift = s[y] === m ? 0 : s[y] - m;
    return {
      p: p,
      loss: Math.log1p(sigma) - shift,
      ce: p.map(function (value, j) {
        return j === y ? -rest : value;
      }),
      mse: p.map(function (value, j) {
        if (j === y) return -(p[y] * (rest * rest + squares));
        var bracket = p[y] * (value + rest);
        for (var k = 0; k < count; k++) {
          if (k === y || k === j) continue;
          // p_j − p_k, from the smaller side so that expm1 stays in (−1, 0]
          var gap = s[j] >= s[k] ? -value * Math.expm1(s[k] - s[j]) : p[k] * Math.expm1(s[j] - s[k]);
          bracket += p[k] * gap;
        }
        return value * bracket;
      }),
      mseLoss: 0.5 * (rest * rest + squares),
    };
  }

  var element = window.xentExplorers.svgElement;
  var text = window.xentExplorers.svgText;

  function mount(app) {
    var root = app.querySelector(".xent-xp-softmax");
    var svg = app.querySelector("svg.xent-xp-plot");
    var outputs = {};
    Array.prototype.forEach.call(app.querySelectorAll("output[data-out]"), function (output) {
      outputs[output.dataset.out] = output;
    });
    var classes = app.querySelector('[data-control="classes"]');
    var temperature = app.querySelector('[data-control="log-temperature"]');
    var rows = Array.prototype.slice.call(app.querySelectorAll("tr[data-row]"));
    var logits = rows.map(function (row, k) {
      return row.querySelector('[data-control="z-' + k + '"]');
    });
    var radios = rows.map(function (row, k) {
      return row.querySelector('[data-control="true-' + k + '"]');
    });

    function draw(result) {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var left = 48, top = 40, width = 496, height = 200;
      var y = function (value) {
        return top + ((1 - value) / 2) * height;
      };
      var grid = element("g", { class: "xent-xp-grid" }, svg);
      [-1, -0.5, 0, 0.5, 1].forEach(function (level) {
        element("line", { x1: left, x2: left + width, y1: y(level), y2: y(level) }, grid);
        text(svg, left - 8, y(level) + 4, xentExplorers.format(level, 1), { "text-anchor": "end" });
      });
      element("line", { class: "xent-xp-zero", x1: left, x2: left + width, y1: y(0), y2: y(0) }, svg);
      var count = result.p.length, slot = width / count, bar = slot / 4;
      var series = [
        ["p", "xent-xp-bar-a"],
        ["ce", "xent-xp-bar-b"],
        ["mse", "xent-xp-bar-c"],
      ];
      for (var k = 0; k < count; k++) {
        series.forEach(function (entry, i) {
          var value = result[entry[0]][k];
          var x = left + k * slot + slot / 8 + i * bar;
          element("rect", {
            class: entry[1],
            x: x + 1,
            width: bar - 2,
            y: Math.min(y(value), y(0)),
            height: Math.max(Math.abs(y(value) - y(0)), 0.5),
          }, svg);
        });
        text(svg, left + (k + 0.5) * slot, top + height + 22, root.dataset.class + " " + (k + 1), {
          "text-anchor": "middle",
        });
      }
      var legend = [
        [svg.dataset.legendP, "xent-xp-bar-a"],
        [svg.dataset.legendCe, "xent-xp-bar-b"],
        [svg.dataset.legendMse, "xent-xp-bar-c"],
      ];
      legend.forEach(function (entry, i) {
        var x = left + i * (width / 3);
        element("rect", { class: entry[1], x: x, y: 8, width: 14, height: 14 }, svg);
        text(svg, x + 20, 20, entry[0]);
      });
    }

    function update() {
      var count = Number(classes.value);
      rows.forEach(function (row, k) {
        row.hidden = k >= count;
        if (row.hidden) {
          Array.prototype.forEach.call(row.querySelectorAll("output"), function (output) {
            output.textContent = "";
            delete output.dataset.value;
          });
        }
      });
      var y = 0;
      radios.forEach(function (radio, k) {
        if (radio.checked) y = k;
      });
      if (y >= count) {
        y = 0;
        radios[0].checked = true;
      }
      var t = Math.pow(10, Number(temperature.value));
      xentExplorers.show(outputs.temperature, t, t < 1 ? 3 : 2);
      var scaled = [];
      for (var k = 0; k < count; k++) {
        var z = Number(logits[k].value);
        xentExplorers.show(outputs["z-" + k], z, 1);
        scaled.push(z / t);
      }
      var result = compute(scaled, y);
      for (k = 0; k < count; k++) {
        xentExplorers.show(outputs["p-" + k], result.p[k], 5);
        xentExplorers.show(outputs["ce-" + k], result.ce[k], 5);
        xentExplorers.show(outputs["mse-" + k], result.mse[k], 5);
      }
      xentExplorers.show(outputs.loss, result.loss, 5);
      xentExplorers.show(outputs["mse-loss"], result.mseLoss, 5);
      draw(result);
    }

    logits.concat([temperature]).forEach(function (input) {
      input.addEventListener("input", update);
    });
    radios.concat([classes]).forEach(function (input) {
      input.addEventListener("change", update);
    });
    update();
  }

  xentExplorers.register("softmax", mount);
})();
