// Render TeX to HTML with KaTeX, for the whole length of one site build.
//
// Protocol (one JSON object per line, UTF-8):
//   first line out:  {"ready": true, "katex": "<version>"}
//   each line in:    {"id": <any>, "tex": "<TeX>", "display": true|false}
//   each line out:   {"id": <same>, "html": "<HTML>"}   or   {"id": <same>, "error": "<message>"}
// Answers come in the order of the requests. The process exits when stdin closes.
//
// Usage: node katex_render.mjs [path/to/katex.mjs]
// Without an argument, `katex` is resolved from the repository's node_modules (`npm ci`).

import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const katex = (await import(process.argv[2] ? pathToFileURL(process.argv[2]).href : "katex"))
  .default;

// docsite/katex.py keys its disk cache on this file's contents: changing an option here
// invalidates every cached formula.
const OPTIONS = Object.freeze({
  throwOnError: true,
  // Non-standard or unsupported LaTeX is an error, not a console warning. (CJK inside
  // \text{...} is standard and renders; CJK directly in math mode, or in \mathrm{...}, is an
  // error: write \text{交叉熵}.)
  strict: "error",
  output: "htmlAndMathml",
  // Trust nothing, like `trust: false`, but make it an error: with `trust: false` KaTeX draws
  // \href, \url, \includegraphics and the like as red command names, even with throwOnError.
  trust: (context) => {
    throw new katex.ParseError(
      `${context.command} is not allowed in a formula (no links or images in math)`,
    );
  },
});

function render(request) {
  if (typeof request.tex !== "string") {
    throw new Error('request needs a string "tex"');
  }
  return katex.renderToString(request.tex, {
    ...OPTIONS,
    displayMode: request.display === true,
  });
}

function answer(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

answer({ ready: true, katex: katex.version });

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (line.trim() === "") {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    answer({ id: null, error: `bad request (not JSON): ${error.message}` });
    return;
  }
  try {
    answer({ id: request.id, html: render(request) });
  } catch (error) {
    answer({ id: request.id, error: String(error && error.message ? error.message : error) });
  }
});
