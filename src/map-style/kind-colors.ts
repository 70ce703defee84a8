// One colour per kind, shared by the map, the legend, the lists and the exports.
import type { Kind } from '../data/types.ts';

/** One colour per kind, shared by the map and the legend. */
export const KIND_COLORS: Record<Kind, string> = {
  prefecture: '#8c7b63',
  county: '#8c7b63',
  comprehensive_experimental_zone: '#c2185b',
  taiwan_investment_zone: '#d84315',
  ftz_area: '#6a1b9a',
  sub_area: '#ef6c00',
  specialised_park: '#2e7d32',
  development_zone: '#00838f',
  key_area: '#5d7c99',
  export_base: '#1565c0',
  bonded_area: '#ad1457',
  port: '#283593',
  dry_port: '#4e342e',
  platform: '#7b5e00',
  other: '#616161',
};
