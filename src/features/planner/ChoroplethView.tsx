import { useMemo } from 'react';
import type { Dataset } from '../../data/types.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaces } from '../../state/use-places.ts';
import { choroplethCounts } from '../../data/choropleth.ts';
import { choroplethClasses } from '../../map-style/choropleth.ts';
import { ChoroplethOverlay } from './ChoroplethOverlay.tsx';
import { useMapPng } from './use-map-png.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';
import { IndustrySelect } from '../../components/IndustrySelect.tsx';

/** Pick an industry; the map shades prefectures by how many places plan it. */
export function ChoroplethView({ dataset }: { dataset: Dataset }) {
  const planner = useAppStore((s) => s.planner);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const counts = useMemo(
    () => (planner.choropleth ? choroplethCounts(dataset, planner.choropleth, filters) : new Map<string, number>()),
    [dataset, planner.choropleth, filters],
  );
  const png = useMapPng(dataset);
  const { places } = usePlaces();
  const classes = choroplethClasses(Math.max(0, ...counts.values()));
  return (
    <div className="planner-view">
      <p className="intro">{t('choroplethIntro')}</p>
      <label className="toolbar">
        {t('chooseIndustry')}{' '}
        <IndustrySelect
          dataset={dataset}
          value={planner.choropleth ?? ''}
          onChange={(id) => setPlanner({ choropleth: id || null })}
          emptyLabel={t('none')}
        />
      </label>
      {planner.choropleth && (
        <>
          <ChoroplethOverlay dataset={dataset} industry={planner.choropleth} />
          {png.ready && (
            <button type="button" onClick={() => void png.save(places, { industry: planner.choropleth!, counts })}>
              {t('exportPNG')}
            </button>
          )}
          <div className="choropleth-legend" data-testid="choropleth-legend">
            <strong>{l.industryName(dataset.industryById.get(planner.choropleth)!)}</strong> · {t('placesCount')}
            <ul>
              {classes.map((c) => (
                <li key={c.label}>
                  <span className="swatch swatch--square" style={{ background: c.color }} aria-hidden="true" />{' '}
                  {c.label}
                </li>
              ))}
            </ul>
          </div>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('prefecture')}</th>
                <th scope="col">{t('placesCount')}</th>
              </tr>
            </thead>
            <tbody>
              {dataset.regions
                .filter((r) => counts.get(r.code))
                .sort((a, b) => (counts.get(b.code) ?? 0) - (counts.get(a.code) ?? 0))
                .map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{l.regionName(r)}</th>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          showInExplorer({ ...filters, industries: [planner.choropleth!], prefectures: [r.code] })
                        }
                      >
                        {counts.get(r.code)}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
