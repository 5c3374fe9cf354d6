/* Answer boxes: check a reader's answer to an exercise against the value the build computed.
 *
 * Each box is a <span class="xent-answer"> written by docsite/answers.py, hidden until this
 * script shows it (without JavaScript the page reads as before, solutions folded). It holds
 * the answer as computed by xent (data-answer, full precision), the tolerance, a hint and the
 * words to say in the page's language. Nothing is fetched; the check runs on the page.
 */
(function () {
  "use strict";

  var FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0F\uFF0D\uFF0B]/g;

  /* Read what a reader typed: decimals, a decimal comma, exponents, a fraction, a percent,
   * inf or ∞; full-width digits (typed with a Chinese input method) and the minus sign (−)
   * too. Returns a number, or NaN when the text is not one. */
  function parseAnswer(text) {
    var s = String(text)
      .replace(FULL_WIDTH, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/[\u2212\u2013]/g, "-")
      .replace(/\s+/g, "");
    if (s === "") return NaN;
    if (/^[+-]?(inf|infinity|∞)$/i.test(s)) return s.charAt(0) === "-" ? -Infinity : Infinity;
    var percent = s.slice(-1) === "%";
    if (percent) s = s.slice(0, -1);
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
    else if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(",", ".");
    var number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
    var value;
    var parts = s.split("/");
    if (parts.length === 2 && number.test(parts[0]) && number.test(parts[1])) {
      value = Number(parts[0]) / Number(parts[1]);
    } else if (parts.length === 1 && number.test(s)) {
      value = Number(s);
    } else {
      return NaN;
    }
    return percent ? value / 100 : value;
  }

  function near(x, target, box) {
    if (!isFinite(target)) return x === target;
    var tolerance = Math.max(
      Number(box.dataset.relativeTolerance) * Math.abs(target),
      Number(box.dataset.absoluteTolerance)
    );
    return Math.abs(x - target) <= tolerance;
  }

  /* Judge an answer: "correct", "unreadable", or "wrong" with the most telling hint. */
  function judge(box, text) {
    var answer = Number(box.dataset.answer);
    var x = parseAnswer(text);
    if (isNaN(x)) return { state: "unreadable", say: box.dataset.sayUnreadable };
    if (near(x, answer, box)) {
      return { state: "correct", say: box.dataset.sayCorrect.replace("{answer}", box.dataset.written) };
    }
    var hint = box.dataset.hint;
    if (answer !== 0 && near(-x, answer, box)) hint = box.dataset.saySign;
    else if (answer !== 0 && (near(x / Math.LN2, answer, box) || near(x * Math.LN2, answer, box))) {
      hint = box.dataset.sayBase;
    } else if (answer !== 0 && (near(x / 100, answer, box) || near(x * 100, answer, box))) {
      hint = box.dataset.sayPercent;
    }
    return { state: "wrong", say: box.dataset.sayWrong + " " + hint };
  }

  function setUp(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    var input = box.querySelector("input");
    var button = box.querySelector("button");
    var verdict = box.querySelector("output");
    function check() {
      var result = judge(box, input.value);
      box.dataset.state = result.state;
      verdict.textContent = result.say;
      input.setAttribute("aria-invalid", result.state === "correct" ? "false" : "true");
    }
    button.addEventListener("click", check);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        check();
      }
    });
    input.addEventListener("input", function () {
      delete box.dataset.state;
      verdict.textContent = "";
      input.removeAttribute("aria-invalid");
    });
    box.hidden = false;
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".xent-answer"), setUp);
  }

  window.xentAnswers = { parse: parseAnswer, judge: judge };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
