/* Explorer "code_length" (docsite/explorers/code_length.py): symbols, weights, a Huffman code.
 *
 * The weights of the shown symbols, divided by their total (summed in order), are the
 * probabilities p (all zero: each 1/n). For each symbol: the ideal length −log₂ p (∞ for
 * p = 0), and the codeword of a Huffman code whose lengths are those of the entropy page's
 * huffman_lengths: its heap holds (probability, order of creation) pairs, the two smallest
 * are merged (the first popped first) and every symbol below them gets one bit longer, so
 * ties are broken exactly as there. The codewords are the canonical code of those lengths.
 * Then H = Σ p (−log₂ p), L = Σ p ℓ, L − H and the Kraft sum Σ 2^−ℓ (one for Huffman).
 */
(function () {
  "use strict";

  function huffmanLengths(probabilities) {
    var lengths = probabilities.map(function () {
      return 0;
    });
    var order = 0;
    var heap = probabilities.map(function (p, i) {
      return { p: p, order: order++, members: [i] };
    });
    function pop() {
      var best = 0;
      for (var i = 1; i < heap.length; i++) {
        var a = heap[i], b = heap[best];
        if (a.p < b.p || (a.p === b.p && a.order < b.order)) best = i;
      }
      return heap.splice(best, 1)[0];
    }
    while (heap.length > 1) {
      var first = pop(), second = pop();
      var members = first.members.concat(second.members);
      members.forEach(function (i) {
        lengths[i] += 1;
      });
      heap.push({ p: first.p + second.p, order: order++, members: members });
    }
    return lengths;
  }

  /* The canonical prefix code with these lengths: shorter codewords first, ties by symbol. */
  function canonicalCode(lengths) {
    var symbols = lengths.map(function (_, i) {
      return i;
    });
    symbols.sort(function (a, b) {
      return lengths[a] - lengths[b] || a - b;
    });
    var words = [], code = 0, previous = 0;
    symbols.forEach(function (i, rank) {
      if (rank > 0) code = (code + 1) * Math.pow(2, lengths[i] - previous);
      else code = 0;
      previous = lengths[i];
      var word = code.toString(2);
      while (word.length < lengths[i]) word = "0" + word;
      words[i] = word;
    });
    return words;
  }

  var element = window.xentExplorers.svgElement;
  var text = window.xentExplorers.svgText;

  /* A weight typed or slid: a finite number ≥ 0, else null. */
  function weight(input) {
    if (input.value.trim() === "") return null;
    var value = Number(input.value);
    return isFinite(value) && value >= 0 ? value : null;
  }

  function mount(app) {
    var svg = app.querySelector("svg.xent-xp-plot");
    var outputs = {};
    Array.prototype.forEach.call(app.querySelectorAll("output[data-out]"), function (output) {
      outputs[output.dataset.out] = output;
    });
    var count = app.querySelector('[data-control="count"]');
    var rows = Array.prototype.slice.call(app.querySelectorAll("tr[data-row]"));
    var weights = rows.map(function (row, i) {
      return weight(row.querySelector('[data-control="w-' + i + '-exact"]'));
    });

    function draw(p, lengths, ideal, entropy) {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var left = 48, top = 16, width = 496, height = 224;
      var highest = Math.max(3, Math.max.apply(null, lengths)) + 1;
      var y = function (value) {
        return top + height - (Math.min(value, highest) / highest) * height;
      };
      var grid = element("g", { class: "xent-xp-grid" }, svg);
      for (var level = 0; level <= highest; level++) {
        element("line", { x1: left, x2: left + width, y1: y(level), y2: y(level) }, grid);
        text(svg, left - 8, y(level) + 4, String(level), { "text-anchor": "end" });
      }
      element("path", {
        class: "xent-xp-axis",
        d: "M" + left + "," + top + "V" + (top + height) + "H" + (left + width),
      }, svg);
      var at = 0, shades = ["xent-xp-bar-a", "xent-xp-bar-b", "xent-xp-bar-c"];
      p.forEach(function (probability, i) {
        var x = left + at * width, w = probability * width;
        at += probability;
        if (w <= 0) return;
        element("rect", {
          class: shades[i % 3] + " xent-xp-box",
          x: x, y: y(lengths[i]), width: w, height: y(0) - y(lengths[i]),
        }, svg);
        element("line", {
          class: "xent-xp-gap",
          x1: x, x2: x + w, y1: y(ideal[i]), y2: y(ideal[i]),
        }, svg);
        if (w > 14) {
          text(svg, x + w / 2, top + height + 18, String.fromCharCode(65 + i), { "text-anchor": "middle" });
        }
      });
      element("line", {
        class: "xent-xp-level",
        x1: left, x2: left + width, y1: y(entropy), y2: y(entropy),
      }, svg);
      text(svg, left + width + 4, y(entropy) + 4, "H");
    }

    function update() {
      var n = Number(count.value);
      rows.forEach(function (row, i) {
        row.hidden = i >= n;
        if (row.hidden) {
          Array.prototype.forEach.call(row.querySelectorAll("output"), function (output) {
            output.textContent = "";
            delete output.dataset.value;
          });
        }
      });
      var shown = weights.slice(0, n), total = 0;
      shown.forEach(function (w) {
        total += w;
      });
      var p = shown.map(function (w) {
        return total > 0 ? w / total : 1 / n;
      });
      var ideal = p.map(function (probability) {
        return 0 - Math.log2(probability); // ∞ for p = 0; exact for a power of one half
      });
      var lengths = huffmanLengths(p), words = canonicalCode(lengths);
      var entropy = 0, mean = 0, kraft = 0;
      p.forEach(function (probability, i) {
        if (probability > 0) entropy += probability * ideal[i];
        mean += probability * lengths[i];
        kraft += Math.pow(2, -lengths[i]);
      });
      p.forEach(function (probability, i) {
        xentExplorers.show(outputs["p-" + i], probability, 5);
        xentExplorers.show(outputs["ideal-" + i], ideal[i], 5);
        xentExplorers.show(outputs["length-" + i], lengths[i], 0);
        outputs["code-" + i].textContent = words[i];
        outputs["code-" + i].dataset.value = words[i];
      });
      xentExplorers.show(outputs.entropy, entropy, 5);
      xentExplorers.show(outputs.mean, mean, 5);
      xentExplorers.show(outputs.excess, mean - entropy, 5);
      xentExplorers.show(outputs.kraft, kraft, 5);
      draw(p, lengths, ideal, entropy);
    }

    rows.forEach(function (row, i) {
      var slider = row.querySelector('[data-control="w-' + i + '"]');
      var exact = row.querySelector('[data-control="w-' + i + '-exact"]');
      if (weights[i] === null) weights[i] = Number(slider.value);
      slider.addEventListener("input", function () {
        weights[i] = Number(slider.value);
        exact.value = slider.value;
        exact.removeAttribute("aria-invalid");
        update();
      });
      exact.addEventListener("input", function () {
        var value = weight(exact);
        if (value === null) {
          exact.setAttribute("aria-invalid", "true");
          return;
        }
        exact.removeAttribute("aria-invalid");
        weights[i] = value;
        slider.value = String(value);
        update();
      });
    });
    count.addEventListener("change", update);
    update();
  }

  xentExplorers.register("code_length", mount);
})();
