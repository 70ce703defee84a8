import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PngCaption {
  title: string;
  legend: { color: string; label: string }[];
  sources: string[];
}

/**
 * Draws the current map with a legend and the list of source documents into one PNG. The map
 * canvas is read in its own 'render' event, while its drawing buffer is still valid.
 */
export function renderMapPng(map: MapLibreMap, caption: PngCaption): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const gl = map.getCanvas();
        const ratio = gl.width / gl.clientWidth || 1;
        const line = 18 * ratio;
        const footer = (caption.sources.length + 2) * line + 12 * ratio;
        const out = document.createElement('canvas');
        out.width = gl.width;
        out.height = gl.height + footer;
        const ctx = out.getContext('2d');
        if (!ctx) throw new Error('no 2D canvas');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(gl, 0, 0);
        const font = (px: number, weight = 400) =>
          `${weight} ${px * ratio}px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
        // Legend box, top left.
        const boxW = 230 * ratio;
        const boxH = (caption.legend.length + 1) * line + 10 * ratio;
        ctx.fillStyle = 'rgba(255,255,255,0.92)';
        ctx.fillRect(8 * ratio, 8 * ratio, boxW, boxH);
        ctx.fillStyle = '#2b2620';
        ctx.font = font(13, 600);
        ctx.fillText(caption.title, 16 * ratio, 8 * ratio + line);
        ctx.font = font(12);
        caption.legend.forEach((item, i) => {
          const y = 8 * ratio + (i + 2) * line;
          ctx.fillStyle = item.color;
          ctx.fillRect(16 * ratio, y - 10 * ratio, 10 * ratio, 10 * ratio);
          ctx.fillStyle = '#2b2620';
          ctx.fillText(item.label, 32 * ratio, y);
        });
        // Sources under the map.
        ctx.font = font(12);
        caption.sources.forEach((s, i) => ctx.fillText(s, 12 * ratio, gl.height + (i + 1.5) * line));
        ctx.fillStyle = '#6f665a';
        ctx.fillText(
          'Basemap: Natural Earth; echarts map data',
          12 * ratio,
          gl.height + (caption.sources.length + 1.7) * line,
        );
        out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  });
}

/**
 * A copy of what the map shows now, as a 2D canvas (for a printed page: it needs no data URL and
 * no image element). Read in the map's own 'render' event, while its drawing buffer is valid.
 */
export function snapshotMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const gl = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = gl.width;
        out.height = gl.height;
        const ctx = out.getContext('2d');
        if (!ctx) throw new Error('no 2D canvas');
        ctx.drawImage(gl, 0, 0);
        resolve(out);
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  });
}
