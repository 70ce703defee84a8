// Where the map's tiles are: data/plan.pmtiles (scripts/lib/plan-split.ts), a build asset.
import archiveUrl from '../../data/plan.pmtiles?url';

export const planArchiveUrl: string = archiveUrl;
