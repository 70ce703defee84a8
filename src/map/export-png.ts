// The map as a print-ready PNG: drawn again at print resolution, with its legend, colour scale and
// sources laid out below it (never over it), lines wrapped to the image's width.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PngLegendItem {
  color: string;
  label: string;
  /** Dots for places, squares for areas and classes. */
  shape?: 'dot' | 'square';
}

export interface PngCaption {
  title: string;
  /** What the map draws: kinds of places, a person's own layer. */
  legend: PngLegendItem[];
  /** A colour scale (the choropleth): its title and classes. */
  scale?: { title: string; classes: PngLegendItem[] };
  sources: string[];
  /** Small print: basemap credits, the date. */
  footnote: string;
}

export interface PngLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  /** Where the legend, scale and sources are drawn: below the map. */
  caption: { x: number; y: number; width: number; height: number };
  /** The widest line of text drawn, in pixels (≤ the image width less its margins). */
  widestLine: number;
  pixelRatio: number;
}

/** The map drawn at `ratio` device pixels per CSS pixel, read in its own render (while the buffer is valid). */
function snapshot(map: MapLibreMap, ratio: number): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  return new Promise((resolve, reject) => {
    const done = () => {
      map.once('render', () => {
        try {
          const gl = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = gl.width;
          copy.height = gl.height;
          copy.getContext('2d')!.drawImage(gl, 0, 0);
          resolve(copy);
        } catch (e) {
          reject(e as Error);
        } finally {
          if (map.getPixelRatio() !== before) map.setPixelRatio(before);
        }
      });
      map.triggerRepaint();
    };
    if (ratio === before) return done();
    map.setPixelRatio(ratio);
    map.once('idle', done);
  });
}

/** A copy of what the map shows now, as a 2D canvas (for a printed page), at the screen's resolution. */
export function snapshotMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return snapshot(map, map.getPixelRatio());
}

/** Words (Latin) or characters (CJK) to lines no wider than `max`. */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line && ctx.measureText(next.trimEnd()).width > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A print-ready PNG of the map and its caption; also says where everything went (for tests). */
export async function renderMapPng(map: MapLibreMap, caption: PngCaption): Promise<{ blob: Blob; layout: PngLayout }> {
  const css = map.getCanvas().getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  // At least twice the screen's resolution, and at least 2,000 pixels on the long side.
  const ratio = Math.min(8, Math.max(2 * dpr, 2000 / Math.max(css.width, css.height, 1)));
  const image = await snapshot(map, ratio);
  const unit = image.width / 900; // type scales with the image, as if it were 900 px wide
  const margin = Math.round(24 * unit);
  const font = (px: number, weight = 400) =>
    `${weight} ${Math.round(px * unit)}px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
  const measure = document.createElement('canvas').getContext('2d')!;
  const textWidth = image.width - 2 * margin;

  // Lay the caption out first, to know its height.
  type Op = (ctx: CanvasRenderingContext2D, y0: number) => void;
  const ops: Op[] = [];
  let y = margin;
  let widest = 0;
  const text = (t: string, px: number, weight = 400, color = '#2b2620', indent = 0) => {
    measure.font = font(px, weight);
    for (const line of wrap(measure, t, textWidth - indent)) {
      widest = Math.max(widest, indent + measure.measureText(line).width);
      const at = y + px * unit;
      ops.push((ctx, y0) => {
        ctx.font = font(px, weight);
        ctx.fillStyle = color;
        ctx.fillText(line, margin + indent, y0 + at);
      });
      y += px * unit * 1.45;
    }
  };
  const items = (list: PngLegendItem[]) => {
    // Two columns of swatches and labels.
    const col = textWidth / 2;
    const px = 14;
    list.forEach((item, i) => {
      const x = margin + (i % 2) * col;
      const row = y + Math.floor(i / 2) * px * unit * 1.6;
      measure.font = font(px);
      const label = wrap(measure, item.label, col - 28 * unit)[0] ?? '';
      widest = Math.max(widest, (i % 2) * col + 22 * unit + measure.measureText(label).width);
      ops.push((ctx, y0) => {
        const s = 12 * unit;
        ctx.fillStyle = item.color;
        if (item.shape === 'square') ctx.fillRect(x, y0 + row + 2 * unit, s, s);
        else {
          ctx.beginPath();
          ctx.arc(x + s / 2, y0 + row + 2 * unit + s / 2, s / 2, 0, 2 * Math.PI);
          ctx.fill();
        }
        ctx.font = font(px);
        ctx.fillStyle = '#2b2620';
        ctx.fillText(label, x + 20 * unit, y0 + row + px * unit);
      });
    });
    y += Math.ceil(list.length / 2) * px * unit * 1.6 + 6 * unit;
  };
  text(caption.title, 20, 700);
  y += 4 * unit;
  if (caption.legend.length) items(caption.legend);
  if (caption.scale) {
    text(caption.scale.title, 14, 600);
    items(caption.scale.classes.map((c) => ({ ...c, shape: 'square' as const })));
  }
  y += 4 * unit;
  for (const s of caption.sources) text(s, 13);
  y += 4 * unit;
  text(caption.footnote, 11, 400, '#6f665a');
  const captionHeight = Math.ceil(y + margin);

  const out = document.createElement('canvas');
  out.width = image.width;
  out.height = image.height + captionHeight;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(image, 0, 0);
  ctx.fillStyle = '#ddd6c9';
  ctx.fillRect(0, image.height, out.width, Math.max(1, unit));
  for (const op of ops) op(ctx, image.height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
  return {
    blob,
    layout: {
      width: out.width,
      height: out.height,
      map: { x: 0, y: 0, width: image.width, height: image.height },
      caption: { x: 0, y: image.height, width: out.width, height: captionHeight },
      widestLine: Math.ceil(widest),
      pixelRatio: ratio,
    },
  };
}
