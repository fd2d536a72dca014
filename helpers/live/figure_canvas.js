// Browser side of helpers.live.canvas.FigureCanvas: a static PNG background with the
// demo's moving artists drawn on top as SVG, and the live readout beside it.
// Redrawing a few SVG elements needs no image encode (kernel) or decode (browser).
const NS = "http://www.w3.org/2000/svg";
const ANCHOR = { left: "start", center: "middle", right: "end" };
const BASELINE = {
  top: "text-before-edge",
  center: "central",
  center_baseline: "central",
  baseline: "alphabetic",
  bottom: "text-after-edge",
};

function svgElement(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function primitive(p) {
  if (p.kind === "path") {
    return svgElement("path", {
      d: p.d,
      stroke: p.stroke,
      fill: p.fill,
      "stroke-width": p.width,
      "stroke-dasharray": p.dash.length ? p.dash.join(" ") : "none",
      "stroke-linejoin": "round",
    });
  }
  const text = svgElement("text", {
    x: p.x,
    y: p.y,
    fill: p.fill,
    "font-size": p.size,
    "font-weight": p.weight,
    "font-family": "DejaVu Sans, Verdana, sans-serif",
    "text-anchor": ANCHOR[p.ha] ?? "start",
    "dominant-baseline": BASELINE[p.va] ?? "alphabetic",
  });
  p.lines.forEach((line, i) => {
    const span = svgElement("tspan", { x: p.x, dy: i === 0 ? 0 : "1.2em" });
    span.textContent = line;
    text.appendChild(span);
  });
  return text;
}

export default {
  render({ model, el }) {
    const [width, height] = model.get("size");
    // An inner container: the widget framework owns the styles of `el` itself.
    const root = document.createElement("div");
    root.className = "course-demo-canvas";
    root.style.cssText = "display:flex;gap:20px;align-items:flex-start;flex-wrap:wrap";

    const box = document.createElement("div");
    box.style.cssText = `position:relative;flex:none;width:${width}px;height:${height}px`;
    const img = document.createElement("img");
    img.className = "course-demo-background";
    img.alt = model.get("alt");
    img.style.cssText = `position:absolute;inset:0;width:${width}px;height:${height}px`;
    const svg = svgElement("svg", {
      class: "course-demo-figure",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": model.get("alt"),
    });
    svg.style.cssText = "position:absolute;inset:0";
    box.append(img, svg);
    const readout = document.createElement("div");
    readout.className = "course-demo-readout";
    root.append(box, readout);
    el.append(root);

    let url = null;
    let frame = 0;
    let pending = false;
    const setBackground = () => {
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([model.get("background")], { type: "image/png" }));
      img.src = url;
    };
    const draw = () => {
      pending = false;
      svg.replaceChildren(...JSON.parse(model.get("scene")).map(primitive));
      readout.innerHTML = model.get("readout");
      svg.dataset.frame = String(++frame);
    };
    // The scene and the readout change in one message: draw once for both.
    const schedule = () => {
      if (!pending) {
        pending = true;
        queueMicrotask(draw);
      }
    };
    setBackground();
    draw();
    model.on("change:background", setBackground);
    model.on("change:scene", schedule);
    model.on("change:readout", schedule);
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  },
};
