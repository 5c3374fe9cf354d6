// Evaluated in each page once it has loaded: returns what the page shows, as plain data, for
// the Python side to judge. Nothing here changes the page.
async () => {
  const content = document.querySelector(".md-content") || document.body;

  // Math: server-side KaTeX. Wait for the fonts (KaTeX's are font-display: block, so a formula
  // is invisible until they arrive), then time the moment everything math needs had arrived.
  await document.fonts.ready;
  const katex = [...content.querySelectorAll(".katex")];
  const navigation = performance.getEntriesByType("navigation")[0];
  const katexFiles = performance
    .getEntriesByType("resource")
    .filter((entry) => entry.name.includes("/assets/katex/"));
  const mathReadyMs = katex.length
    ? Math.max(navigation.domContentLoadedEventEnd, ...katexFiles.map((entry) => entry.responseEnd))
    : null;
  const fontErrors = [...document.fonts]
    .filter((face) => face.status === "error")
    .map((face) => `${face.family} ${face.weight} ${face.style}`);
  const unsized = katex.filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width === 0 || box.height === 0;
  }).length;
  const unrendered = [...content.querySelectorAll(".arithmatex")]
    .filter((node) => !node.querySelector(".katex"))
    .map((node) => node.textContent.trim().slice(0, 60));
  const mathErrors = [
    ...document.querySelectorAll(
      ".katex-error, mjx-container, .MathJax, .MathJax_Error, [data-mjx-error], .katex-html merror",
    ),
  ].map((node) => `${node.className || node.tagName}: ${node.textContent.trim().slice(0, 60)}`);
  const katexFont = katex.length ? getComputedStyle(katex[0]).fontFamily : "";

  // Raw TeX left in the prose (code, and KaTeX's own MathML copy of the TeX, excepted).
  const prose = content.cloneNode(true);
  for (const node of prose.querySelectorAll("pre, code, .katex, script, style, .md-source-file")) {
    node.remove();
  }
  const text = prose.textContent;
  const tex =
    /\\[()[\]]|\$\$|\\(?:frac|sum|prod|int|log|ln|exp|sqrt|left|right|begin|end|mathrm|mathbb|mathcal|operatorname|hat|bar|tilde|cdot|infty|alpha|beta|sigma|mu|partial|le|ge|leq|geq|neq|approx|text|over)(?![a-z])|\$[^$\s][^$\n]*?\$/g;
  const rawTex = [...text.matchAll(tex)]
    .slice(0, 5)
    .map((m) => text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25).replace(/\s+/g, " "));

  // Images and figures.
  const images = [...document.images]
    .filter((image) => !(image.complete && image.naturalWidth > 0))
    .map((image) => image.getAttribute("src"));
  const figures = [];
  const xlink = "http://www.w3.org/1999/xlink";
  content.querySelectorAll("figure.xent-figure").forEach((figure, index) => {
    const name = `figure ${index + 1} (${(figure.querySelector("figcaption")?.textContent || "").trim().slice(0, 50)})`;
    const svg = figure.querySelector("svg");
    if (!svg) {
      figures.push(`${name}: no <svg>`);
      return;
    }
    const box = svg.getBoundingClientRect();
    if (box.width < 50 || box.height < 50) {
      figures.push(`${name}: drawn ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    if (!svg.querySelector("path, use, line, polyline, polygon, rect, circle, image")) {
      figures.push(`${name}: nothing drawn`);
    }
    for (const use of svg.querySelectorAll("use")) {
      const href = use.getAttribute("href") || use.getAttributeNS(xlink, "href") || "";
      if (!href.startsWith("#") || !document.getElementById(href.slice(1))) {
        figures.push(`${name}: <use> points at missing ${href}`);
        break;
      }
    }
    for (const image of svg.querySelectorAll("image")) {
      const href = image.getAttribute("href") || image.getAttributeNS(xlink, "href") || "";
      if (!href.startsWith("data:")) {
        figures.push(`${name}: <image> loads ${href.slice(0, 60)} instead of embedding it`);
      }
    }
  });

  // Legibility of figures in the page's colour scheme: text 4.5:1, drawn marks 3:1 (WCAG 1.4.3
  // and 1.4.11) against the background behind the figure. Faint marks (grid lines drawn
  // with opacity below one) are decoration and are not held to the ratio.
  const parse = (value) => {
    const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+))?\)/.exec(value || "");
    return m ? { rgb: [+m[1], +m[2], +m[3]], alpha: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (rgb) => "#" + rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
  const backgroundOf = (node) => {
    for (let el = node; el; el = el.parentElement) {
      const colour = parse(getComputedStyle(el).backgroundColor);
      if (colour && colour.alpha > 0.5) return colour.rgb;
    }
    return [255, 255, 255];
  };
  const opacityOf = (node) => {
    let opacity = 1;
    for (let el = node; el && el !== document.body; el = el.parentElement) {
      opacity *= parseFloat(getComputedStyle(el).opacity || "1");
    }
    return opacity;
  };
  const legibility = [];
  content.querySelectorAll("figure.xent-figure svg").forEach((svg, index) => {
    const background = backgroundOf(svg.parentElement);
    const failing = new Map();
    const judge = (kind, colour, opacity, needed) => {
      if (!colour || colour.alpha * opacity < 0.99) return;
      const ratio = contrast(colour.rgb, background);
      const key = `${kind} ${hex(colour.rgb)}`;
      if (ratio < needed && !failing.has(key)) {
        failing.set(key, `${key} has contrast ${ratio.toFixed(2)}:1 on ${hex(background)} (needs ${needed}:1)`);
      }
    };
    for (const node of svg.querySelectorAll("text, path, line, polyline, polygon, rect, circle, use")) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const opacity = opacityOf(node);
      if (node.tagName === "text" || node.closest("text")) {
        judge("text", parse(style.fill), opacity * parseFloat(style.fillOpacity), 4.5);
        continue;
      }
      if (node.closest("defs, clipPath, mask")) continue;
      if (style.stroke !== "none" && parseFloat(style.strokeWidth) > 0) {
        judge("stroke", parse(style.stroke), opacity * parseFloat(style.strokeOpacity), 3);
      }
      if (style.fill !== "none" && node.tagName !== "use") {
        const box = node.getBBox ? node.getBBox() : { width: 0, height: 0 };
        // The figure's own backdrop (a filled rectangle covering it) is not a mark.
        const backdrop = box.width * box.height > 0.5 * svg.getBBox().width * svg.getBBox().height;
        if (!backdrop) judge("fill", parse(style.fill), opacity * parseFloat(style.fillOpacity), 3);
      }
    }
    for (const problem of failing.values()) legibility.push(`figure ${index + 1}: ${problem}`);
  });

  // Code blocks and their copy buttons (Material adds them when the page loads).
  const blocks = [...content.querySelectorAll("pre > code")].map((code) => code.parentElement);
  // Material 9.8 puts the button in a <nav class="md-code__nav">; older releases in the <pre>.
  const copy = ':scope > button.md-clipboard, :scope > .md-code__nav > [data-md-type="copy"]';
  const withoutButton = blocks.filter((pre) => !pre.querySelector(copy));

  // Links and anchors, for the site-wide link check.
  const links = [...document.querySelectorAll("a[href]")]
    .map((a) => a.href)
    .filter((href) => /^https?:/.test(href));
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  ids.push(...[...document.querySelectorAll("a[name]")].map((a) => a.getAttribute("name")));

  return {
    title: document.title.trim(),
    h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()),
    lang: document.documentElement.lang,
    scheme: document.body.getAttribute("data-md-color-scheme") || "",
    background: hex(backgroundOf(document.body)),
    math: katex.length,
    mathReadyMs,
    katexFont,
    unsized,
    unrendered,
    mathErrors,
    fontErrors,
    rawTex,
    images,
    figures,
    figureCount: content.querySelectorAll("figure.xent-figure").length,
    legibility,
    codeBlocks: blocks.length,
    withoutButton: withoutButton.length,
    links,
    ids,
  };
};
