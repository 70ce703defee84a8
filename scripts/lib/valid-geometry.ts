// Makes polygons valid by GEOS's rules (the rules GDAL, QGIS and PostGIS check), with GEOS itself
// compiled to WebAssembly, so that what the build writes opens cleanly in GIS software.
// Build-time only: the app never loads GEOS.
import initGeosJs from 'geos-wasm';
import { geojsonToGeosGeom, geosGeomToGeojson } from 'geos-wasm/helpers';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

// Notices repeat what isValidReason returns; errors still throw.
const geos = await initGeosJs({ noticeHandler: () => {} });

/** GEOS_MAKE_VALID_STRUCTURE: rebuilds rings as areas (a bow tie becomes two triangles, not a line). */
const MAKE_VALID_STRUCTURE = 1;
/** GEOS_PREC_VALID_OUTPUT: snap-rounding that keeps the result valid. */
const PRECISION_VALID_OUTPUT = 0;

type Polygonal = Polygon | MultiPolygon;

function destroy(...ptrs: number[]) {
  for (const p of ptrs) if (p) geos.GEOSGeom_destroy(p);
}

/** GEOS's reason why a geometry is invalid ("Self-intersection[119.1 26.2]"), or null when valid. */
export function invalidReason(geometry: Geometry): string | null {
  const ptr = geojsonToGeosGeom(geometry, geos);
  try {
    if (geos.GEOSisValid(ptr) === 1) return null;
    const reasonPtr = geos.GEOSisValidReason(ptr);
    const reason = geos.Module.UTF8ToString(reasonPtr);
    geos.GEOSFree(reasonPtr);
    return reason;
  } finally {
    destroy(ptr);
  }
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Twice the signed area of a ring (positive: counter-clockwise). */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += (ring[i - 1][0] - ring[i][0]) * (ring[i - 1][1] + ring[i][1]);
  return -a;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function orient(polygon: Position[][]): Position[][] {
  return polygon.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

/**
 * Rounds to the grid, drops the repeated vertices rounding makes (GEOS ignores them, other tools
 * read them as a ring touching itself) and the rings that collapse, and orients the rings.
 */
function onGrid(polygons: Position[][][], digits: number): Position[][][] {
  const ringOnGrid = (ring: Position[]) =>
    ring
      .map(([x, y]) => [round(x, digits), round(y, digits)])
      .filter((p, i, r) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
  const out: Position[][][] = [];
  for (const [shell, ...holes] of polygons) {
    const shellOnGrid = ringOnGrid(shell);
    if (shellOnGrid.length < 4) continue; // no area left: its holes go with it
    out.push(orient([shellOnGrid, ...holes.map(ringOnGrid).filter((ring) => ring.length >= 4)]));
  }
  return out;
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return []; // collapsed parts (lines, points) are dropped: they have no area to show
}

/**
 * Returns a valid (multi)polygon on a grid of 10^-digits degrees that covers what the input covers:
 * GEOS MakeValid (structure method) repairs self-intersections and crossing rings, then snap-rounding
 * to the grid keeps it valid, so rounding the output to `digits` decimals moves no vertex. Rings that
 * collapse below the grid are dropped; null when nothing with an area is left. Deterministic.
 */
export function repairPolygonal<G extends Polygonal>(geometry: G, digits: number): Polygonal | null {
  // Fast path (snap-rounding costs ~15 ms an outline): already valid once rounded, so nothing to repair.
  const rounded = onGrid(polygonsOf(geometry), digits);
  const asRounded: Polygonal =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rounded[0] }
      : { type: 'MultiPolygon', coordinates: rounded };
  if (rounded.length > 0 && !invalidReason(asRounded)) return asRounded;
  const input = geojsonToGeosGeom(geometry, geos);
  const params = geos.GEOSMakeValidParams_create();
  geos.GEOSMakeValidParams_setMethod(params, MAKE_VALID_STRUCTURE);
  geos.GEOSMakeValidParams_setKeepCollapsed(params, 0);
  const valid = geos.GEOSMakeValidWithParams(input, params);
  geos.GEOSMakeValidParams_destroy(params);
  if (!valid) {
    destroy(input);
    throw new Error('GEOS MakeValid failed');
  }
  const snapped = geos.GEOSGeom_setPrecision(valid, 10 ** -digits, PRECISION_VALID_OUTPUT);
  if (!snapped) {
    destroy(input, valid);
    throw new Error('GEOS setPrecision failed');
  }
  const out = geos.GEOSisEmpty(snapped) === 1 ? null : (geosGeomToGeojson(snapped, geos) as Geometry);
  destroy(input, valid, snapped);
  if (!out) return null;
  const polygons = onGrid(polygonsOf(out), digits);
  if (polygons.length === 0) return null;
  // A Polygon stays a Polygon unless the repair split it; a MultiPolygon stays one.
  const repaired: Polygonal =
    polygons.length === 1 && geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  // The rounding above only re-prints grid points; should it ever move one, stop rather than write an invalid file.
  const reason = invalidReason(repaired);
  if (reason) throw new Error(`repairPolygonal: still invalid after repair: ${reason}`);
  return repaired;
}
