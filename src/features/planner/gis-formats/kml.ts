// KML for Google Earth: one folder per kind of place, each place a Placemark whose ExtendedData
// carries the attribute table of places.ts. Written by @placemarkio/tokml.
import { foldersToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import { geometryOf } from '../../../data/outlines.ts';
import { KIND_ORDER } from '../../../data/types.ts';
import { placeAttributes, type GisDataset, type GisExportOptions } from './places.ts';

export const KML_MIME_TYPE = 'application/vnd.google-earth.kml+xml';

/** The places of the dataset as a KML document (UTF-8 text). */
export function placesToKml(dataset: GisDataset, options: GisExportOptions): string {
  const folders = KIND_ORDER.map((kind) => {
    const places = dataset.features.filter((f) => f.kind === kind);
    const children = places.map((f): Feature<Geometry> => {
      const attributes = placeAttributes(dataset, f, options);
      return { type: 'Feature', id: f.id, properties: { ...attributes }, geometry: geometryOf(f, dataset.outlines)! };
    });
    return {
      type: 'folder' as const,
      meta: { name: options.labels.kind?.(kind) ?? kind, id: `kind-${kind}` },
      children,
    };
  }).filter((folder) => folder.children.length > 0);
  const kml = foldersToKML({ type: 'root', children: folders });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${kml}`;
}

/** The same document as a Blob for a download link. */
export function placesToKmlBlob(dataset: GisDataset, options: GisExportOptions): Blob {
  return new Blob([placesToKml(dataset, options)], { type: KML_MIME_TYPE });
}
