// Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
// one file that a static host serves by HTTP range requests, no tile server. Written here because no
// writer installs from npm on this stack: the `pmtiles` package only reads, and versatiles-rs's
// prebuilt binary needs glibc 2.38 (Debian 12 has 2.36). Tile ids come from `pmtiles` itself, and
// tests/unit/plan-archive.test.ts reads every archive back with its reader.
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, uncompressed (an MVT). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** [west, south, east, north] of the data. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** JSON metadata (vector_layers and the like). */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The root directory must lie in the first 16 KiB, header included. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const GZIP = 2;
const MVT = 1;
// gzip with no name and mtime 0: the same input gives the same bytes.
const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b, { level: 9 }));

function varint(out: number[], value: number) {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const contiguous = i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length;
    varint(out, contiguous ? 0 : e.offset + 1);
  });
  return gzip(new Uint8Array(out));
}

/** A root directory within the first 16 KiB, with leaf directories when the tiles need them. */
function directories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      // A run length of 0 marks an entry that points at a leaf directory.
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const r = serializeDirectory(rootEntries);
    if (r.length <= ROOT_LIMIT) return { root: r, leaves: concat(parts) };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The archive's bytes: tiles gzip-compressed, clustered in tile-id order; identical tiles stored once. */
export function writePmtiles(tiles: ArchiveTile[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  let offset = 0;
  for (const t of sorted) {
    const data = gzip(t.data);
    const key = Buffer.from(data).toString('base64');
    let at = stored.get(key);
    if (!at) {
      at = { offset, length: data.length };
      stored.set(key, at);
      parts.push(data);
      offset += data.length;
    }
    const prev = entries[entries.length - 1];
    // The same bytes as the tile before, and the next tile id: one entry with a longer run.
    if (prev && prev.offset === at.offset && prev.tileId + prev.runLength === t.tileId) prev.runLength++;
    else entries.push({ tileId: t.tileId, offset: at.offset, length: at.length, runLength: 1 });
  }
  const tileData = concat(parts);
  const { root, leaves } = directories(entries);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const tilesOffset = leavesOffset + leaves.length;
  const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, tilesOffset);
  u64(64, tileData.length);
  u64(72, sorted.length);
  u64(80, entries.length);
  u64(88, parts.length);
  header.setUint8(96, 1); // clustered
  header.setUint8(97, GZIP); // internal compression
  header.setUint8(98, GZIP); // tile compression
  header.setUint8(99, MVT);
  header.setUint8(100, options.minZoom);
  header.setUint8(101, options.maxZoom);
  const e7 = (v: number) => Math.round(v * 1e7);
  const [w, s, e, n] = options.bounds;
  header.setInt32(102, e7(w), true);
  header.setInt32(106, e7(s), true);
  header.setInt32(110, e7(e), true);
  header.setInt32(114, e7(n), true);
  header.setUint8(118, options.minZoom);
  header.setInt32(119, e7((w + e) / 2), true);
  header.setInt32(123, e7((s + n) / 2), true);
  return concat([new Uint8Array(header.buffer), root, metadata, leaves, tileData]);
}
