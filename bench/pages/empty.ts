// Reference page 3, the floor: the same map as the bare MapLibre page — the app's embedded
// basemap, its controls, the same size and view — with no places at all. What any page with places
// costs above this is the cost of its places.
import { basemapMap } from './maplibre-map.ts';
import { markIdle } from './shared.ts';

const map = basemapMap();
// Nothing to wait for but the basemap: the first idle is the whole first view.
map.on('idle', () => markIdle(true));
