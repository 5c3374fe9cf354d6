/* The Gaussian-fit explorer (docsite/explorers/gaussian_fit.py): the truth P is a mixture of
 * two normals; the best single normal Q under the forward divergence D(P‖Q) matches P's mean
 * and variance (closed form), the best under the reverse divergence D(Q‖P) is searched as the
 * page's code does it (golden-section search for the width, a coarse scan of the mean then a
 * golden-section refinement). Integrals are trapezoid sums on the even grid of data-grid, of
 * the non-negative integrand a ln(a/b) − a + b (a the truth's density, b the model's), the
 * log-ratio taken as a difference of log-densities and summed from its series near zero.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var GOLDEN = (Math.sqrt(5) - 1) / 2;
  var ROOT_TWO_PI = Math.sqrt(2 * Math.PI);
  var PLOT = { left: 36, right: 470, top: 10, bottom: 212 };

  function numbers(text) {
    return text.split(" ").map(Number);
  }

  /* ln of the normal density on the grid x, as the page's log_normal writes it. */
  function logNormal(x, mu, sigma) {
    var out = new Float64Array(x.length);
    var constant = Math.log(sigma * ROOT_TWO_PI);
    for (var i = 0; i < x.length; i++) {
      var z = (x[i] - mu) / sigma;
      out[i] = -(z * z) / 2 - constant;
    }
    return out;
  }

  /* The mixture's log-density; two identical bumps are one normal. */
  function logMixture(x, s) {
    if (s.mu1 === s.mu2 && s.sigma1 === s.sigma2) return logNormal(x, s.mu1, s.sigma1);
    var first = logNormal(x, s.mu1, s.sigma1);
    var second = logNormal(x, s.mu2, s.sigma2);
    var a = Math.log(s.weight);
    var b = Math.log1p(-s.weight);
    var out = new Float64Array(x.length);
    for (var i = 0; i < x.length; i++) {
      var u = a + first[i];
      var v = b + second[i];
      var top = Math.max(u, v);
      out[i] = top + Math.log1p(Math.exp(Math.min(u, v) - top));
    }
    return out;
  }

  /* r − 1 + e^(−r) for |r| < 1/2: Σ_{k≥2} (−r)^k / k!, in Horner form (terms fall by six). */
  var EXCESS = (function () {
    var coefficients = [];
    var factorial = 1;
    for (var k = 2; k <= 21; k++) {
      factorial *= k;
      coefficients.push(1 / factorial);
    }
    return coefficients;
  })();
  function excess(r) {
    var total = 0;
    for (var k = EXCESS.length - 1; k >= 0; k--) total = total * -r + EXCESS[k];
    return total * r * r;
  }

  /* ∫ a ln(a/b) − a + b by the trapezoid rule, from the log-densities of a and b. */
  function divergence(logA, logB, dx) {
    var previous = 0;
    var total = 0;
    for (var i = 0; i < logA.length; i++) {
      var r = logA[i] - logB[i];
      var a = Math.exp(logA[i]);
      var term = Math.abs(r) < 0.5 ? a * excess(r) : a * (r - 1) + Math.exp(logB[i]);
      if (i > 0) total += previous + term;
      previous = term;
    }
    return (total * dx) / 2;
  }

  function goldenMin(f, a, b, tolerance) {
    var c = b - GOLDEN * (b - a);
    var d = a + GOLDEN * (b - a);
    var fc = f(c);
    var fd = f(d);
    while (b - a > tolerance) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - GOLDEN * (b - a);
        fc = f(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + GOLDEN * (b - a);
        fd = f(d);
      }
    }
    return (a + b) / 2;
  }

  function evenGrid(first, last, count) {
    var step = (last - first) / (count - 1);
    var x = new Float64Array(count);
    for (var i = 0; i < count; i++) x[i] = first + i * step;
    x[count - 1] = last;
    return { x: x, step: step };
  }

  function fits(s, config) {
    var grid = config.grid;
    var x = grid.x;
    var dx = grid.step;
    var logP = logMixture(x, s);
    var gap = s.mu2 - s.mu1;
    var mean = s.mu1 + (1 - s.weight) * gap;
    var variance =
      s.sigma1 * s.sigma1 +
      (1 - s.weight) * (s.sigma2 * s.sigma2 - s.sigma1 * s.sigma1) +
      s.weight * (1 - s.weight) * gap * gap;
    var forward = { mean: mean, sd: Math.sqrt(variance) };

    var densityP = new Float64Array(x.length);
    for (var k = 0; k < x.length; k++) densityP[k] = Math.exp(logP[k]);
    /* D(Q‖P) for Q = N(mu, sigma²): the divergence below, fused with logNormal (the search's
     * inner loop: the same operations in the same order, without the arrays). */
    function reverseKl(mu, sigma) {
      var constant = Math.log(sigma * ROOT_TWO_PI);
      var previous = 0;
      var total = 0;
      for (var i = 0; i < x.length; i++) {
        var z = (x[i] - mu) / sigma;
        var logQ = -(z * z) / 2 - constant;
        var r = logQ - logP[i];
        var q = Math.exp(logQ);
        var term = Math.abs(r) < 0.5 ? q * excess(r) : q * (r - 1) + densityP[i];
        if (i > 0) total += previous + term;
        previous = term;
      }
      return (total * dx) / 2;
    }
    function bestSigma(mu) {
      return goldenMin(
        function (sigma) {
          return reverseKl(mu, sigma);
        },
        config.sigmas[0],
        config.sigmas[1],
        config.tol
      );
    }
    function profile(mu) {
      return reverseKl(mu, bestSigma(mu));
    }
    var reverse;
    if (s.mu1 === s.mu2 && s.sigma1 === s.sigma2) {
      reverse = { mean: s.mu1, sd: s.sigma1 };
    } else {
      var mus = evenGrid(config.mus[0], config.mus[1], config.mus[2]);
      var best = 0;
      var lowest = Infinity;
      for (var i = 0; i < mus.x.length; i++) {
        var value = profile(mus.x[i]);
        if (value < lowest) {
          lowest = value;
          best = i;
        }
      }
      var mu = goldenMin(profile, mus.x[best] - mus.step, mus.x[best] + mus.step, config.tol);
      reverse = { mean: mu, sd: bestSigma(mu) };
    }
    [forward, reverse].forEach(function (fit) {
      fit.logQ = logNormal(x, fit.mean, fit.sd);
      fit.kl = divergence(logP, fit.logQ, dx);
      fit.reverse_kl = divergence(fit.logQ, logP, dx);
    });
    return { logP: logP, forward: forward, reverse: reverse };
  }

  function make(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function mount(app) {
    var root = app.querySelector(".xent-gauss");
    var grid = numbers(root.dataset.grid);
    var mus = numbers(root.dataset.mus);
    var config = {
      grid: evenGrid(grid[0], grid[1], grid[2]),
      sigmas: numbers(root.dataset.sigmas),
      mus: mus,
      tol: Number(root.dataset.tol),
    };
    var view = numbers(root.dataset.view);
    var chart = app.querySelector(".xent-gauss-chart");
    var outputs = {};
    Array.prototype.forEach.call(app.querySelectorAll("output[data-quantity]"), function (output) {
      outputs[output.dataset.quantity] = output;
    });
    var controls = app.querySelectorAll("input[data-control]");
    var pending = false;

    function read() {
      var s = {};
      Array.prototype.forEach.call(controls, function (input) {
        s[input.dataset.control] = Number(input.value);
      });
      return s;
    }

    function path(x, logDensity, scale, close) {
      var parts = [];
      for (var i = 0; i < x.length; i++) {
        if (x[i] < view[0] - 1e-9 || x[i] > view[1] + 1e-9) continue;
        var px = PLOT.left + ((x[i] - view[0]) / (view[1] - view[0])) * (PLOT.right - PLOT.left);
        var py = PLOT.bottom - Math.exp(logDensity[i]) * scale;
        parts.push((parts.length ? "L" : "M") + px.toFixed(2) + " " + py.toFixed(2));
      }
      if (close) {
        parts.push("L" + PLOT.right.toFixed(2) + " " + PLOT.bottom + "L" + PLOT.left.toFixed(2) + " " + PLOT.bottom + "Z");
      }
      return parts.join("");
    }

    function draw(result) {
      while (chart.firstChild) chart.removeChild(chart.firstChild);
      var x = config.grid.x;
      var highest = 0;
      [result.logP, result.forward.logQ, result.reverse.logQ].forEach(function (logDensity) {
        for (var i = 0; i < x.length; i++) {
          if (x[i] >= view[0] && x[i] <= view[1]) highest = Math.max(highest, Math.exp(logDensity[i]));
        }
      });
      var scale = (PLOT.bottom - PLOT.top) / (highest * 1.08);
      for (var tick = Math.ceil(view[0] / 2) * 2; tick <= view[1]; tick += 2) {
        var px = PLOT.left + ((tick - view[0]) / (view[1] - view[0])) * (PLOT.right - PLOT.left);
        make("line", { x1: px, x2: px, y1: PLOT.top, y2: PLOT.bottom, class: "xent-grid" }, chart);
        make("text", { x: px, y: PLOT.bottom + 18, "text-anchor": "middle", class: "xent-tick" }, chart).textContent =
          String(tick).replace("-", "−");
      }
      make("path", { d: path(x, result.logP, scale, true), class: "xent-gauss-truth" }, chart);
      make("path", { d: path(x, result.forward.logQ, scale, false), class: "xent-gauss-line", "data-fit": "forward" }, chart);
      make("path", { d: path(x, result.reverse.logQ, scale, false), class: "xent-gauss-line", "data-fit": "reverse" }, chart);
      make("line", { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, class: "xent-axis" }, chart);
    }

    function compute() {
      pending = false;
      var s = read();
      var result = fits(s, config);
      ["forward", "reverse"].forEach(function (name) {
        var fit = result[name];
        xentExplorers.show(outputs[name + "-mean"], fit.mean, 4);
        xentExplorers.show(outputs[name + "-sd"], fit.sd, 4);
        xentExplorers.show(outputs[name + "-kl"], fit.kl, 4);
        xentExplorers.show(outputs[name + "-reverse_kl"], fit.reverse_kl, 4);
      });
      draw(result);
      root.dataset.computed = JSON.stringify(s);
      root.dataset.busy = "false";
    }

    function schedule() {
      var s = read();
      Array.prototype.forEach.call(controls, function (input) {
        var digits = input.step.indexOf(".") < 0 ? 0 : input.step.split(".")[1].length;
        xentExplorers.show(outputs[input.dataset.control], s[input.dataset.control], digits);
      });
      root.dataset.busy = "true";
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(compute);
    }

    Array.prototype.forEach.call(controls, function (input) {
      input.addEventListener("input", schedule);
      input.addEventListener("change", schedule);
    });
    schedule();
  }

  xentExplorers.register("gaussian_fit", mount);
})();
