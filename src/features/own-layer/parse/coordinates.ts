// Geometries and their coordinates: each supported type read into finite lon/lat in range
// (altitudes dropped, unclosed rings closed), and why a position was refused, tallied into one
// hint for the person (swapped, projected, out of range, not numbers).
import type { Position } from 'geojson';
import type { UserGeometry } from './limits.ts';
import { describe, isObject, own } from './properties.ts';
import { clip, type Say } from './say.ts';

/** Why a position was refused: the first problem met in a feature. */
export type CoordIssue = { kind: 'nan' } | { kind: 'swapped' | 'projected' | 'range'; a: number; b: number };

/** The refusals of a file by kind, with an example of each. */
export type IssueTally = Map<string, CoordIssue & { count: number }>;

export interface CoordCtx {
  issue: CoordIssue | null;
}

function classifyOutOfRange(a: number, b: number): CoordIssue {
  if (Math.abs(a) > 1000 || Math.abs(b) > 1000) return { kind: 'projected', a, b };
  // Out of range, yet valid once swapped: latitude first.
  if (Math.abs(a) <= 90 && Math.abs(b) <= 180) return { kind: 'swapped', a, b };
  return { kind: 'range', a, b };
}

/** Whether `a, b` is a finite longitude, latitude pair in range; if not, why in `ctx`. */
export function checkLonLat(a: number, b: number, ctx: CoordCtx): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    ctx.issue = { kind: 'nan' };
    return false;
  }
  if (a < -180 || a > 180 || b < -90 || b > 90) {
    ctx.issue = classifyOutOfRange(a, b);
    return false;
  }
  return true;
}

function readPosition(p: unknown, ctx: CoordCtx): Position | null {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  return checkLonLat(p[0], p[1], ctx) ? [p[0], p[1]] : null;
}

function readPositions(list: unknown, min: number, ctx: CoordCtx): Position[] | null {
  if (!Array.isArray(list) || list.length < min) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  const out: Position[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = readPosition(list[i], ctx);
    if (!p) return null;
    out[i] = p;
  }
  return out;
}

function readRing(list: unknown, ctx: CoordCtx): Position[] | null {
  const ring = readPositions(list, 3, ctx);
  if (!ring) return null;
  const [f, l] = [ring[0], ring[ring.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) ring.push([f[0], f[1]]);
  if (ring.length < 4) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  return ring;
}

function readList<T>(list: unknown, read: (item: unknown, ctx: CoordCtx) => T | null, ctx: CoordCtx): T[] | null {
  if (!Array.isArray(list) || list.length === 0) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = read(list[i], ctx);
    if (item === null) return null;
    out[i] = item;
  }
  return out;
}

const readPolygon = (rings: unknown, ctx: CoordCtx) => readList(rings, readRing, ctx);
const readLine = (line: unknown, ctx: CoordCtx) => readPositions(line, 2, ctx);

type GeometryResult =
  | { ok: true; geometry: UserGeometry }
  | { ok: false; reason: 'null' | 'collection' | 'coords' }
  | { ok: false; reason: 'unsupported'; type: string };

/** The coordinates reader of each supported geometry type. */
const READ_COORDINATES: Record<
  UserGeometry['type'],
  (c: unknown, ctx: CoordCtx) => UserGeometry['coordinates'] | null
> = {
  Point: readPosition,
  MultiPoint: (c, ctx) => readPositions(c, 1, ctx),
  LineString: readLine,
  MultiLineString: (c, ctx) => readList(c, readLine, ctx),
  Polygon: readPolygon,
  MultiPolygon: (c, ctx) => readList(c, readPolygon, ctx),
};

export const isGeometryType = (t: unknown): t is UserGeometry['type'] =>
  typeof t === 'string' && Object.hasOwn(READ_COORDINATES, t);

/** A GeoJSON geometry object read into a kept geometry, or why it is not kept. */
export function readGeometry(g: unknown, ctx: CoordCtx): GeometryResult {
  if (g === null || g === undefined) return { ok: false, reason: 'null' };
  if (!isObject(g)) return { ok: false, reason: 'unsupported', type: describe(g) };
  const type = own(g, 'type');
  if (type === 'GeometryCollection') return { ok: false, reason: 'collection' };
  const c = own(g, 'coordinates');
  if (!isGeometryType(type))
    return { ok: false, reason: 'unsupported', type: typeof type === 'string' ? clip(type, 30) : describe(type) };
  const coordinates = READ_COORDINATES[type](c, ctx);
  // The reader of each type returns exactly that type's coordinates.
  const geometry = coordinates && ({ type, coordinates } as UserGeometry);
  return geometry ? { ok: true, geometry } : { ok: false, reason: 'coords' };
}

function fmtCoord(v: number): string {
  return String(Number.isInteger(v) ? v : Number(v.toPrecision(8)));
}

/** Counts `issue` (none recorded: not numbers) in `issues`, keeping the first example of each kind. */
export function noteIssue(issues: IssueTally, issue: CoordIssue | null) {
  const kind = issue?.kind ?? 'nan';
  const seen = issues.get(kind);
  if (seen) seen.count++;
  else issues.set(kind, { ...(issue ?? { kind: 'nan' }), count: 1 });
}

/** The most common refusal among `issues`, as a hint for the person; `crs` as the file declares it. */
export function coordHint(issues: IssueTally, crs: string | null, say: Say): string | null {
  let best: (CoordIssue & { count: number }) | null = null;
  for (const issue of issues.values()) if (!best || issue.count > best.count) best = issue;
  if (!best) return null;
  if (best.kind === 'nan') return say('importHintNan');
  const example = `${fmtCoord(best.a)}, ${fmtCoord(best.b)}`;
  switch (best.kind) {
    case 'projected':
      return say('importHintProjected', { example }) + (crs ? say('importHintDeclaredCrs', { crs }) : '');
    case 'swapped':
      return say('importHintSwapped', { example });
    case 'range':
      return say('importHintRange', { example });
  }
}
