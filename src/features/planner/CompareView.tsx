import { useMemo } from 'react';
import type { Dataset } from '../../data/types.ts';
import { useAppStore } from '../../state/store.ts';
import { columnFromKey, compareRegions, prefectureColumn, zoneColumn, zoneIds } from './analysis.ts';
import { ComparedRegions } from './map-overlays.tsx';
import { PlaceClauseList } from './PlaceClauseList.tsx';
import { usePlannerLabels } from './usePlannerLabels.ts';

/** Two or more regions side by side: which industries they share and which only one plans. */
export function CompareView({ dataset }: { dataset: Dataset }) {
  const planner = useAppStore((s) => s.planner);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const filters = useAppStore((s) => s.filters);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const options = [
    ...dataset.regions.map((r) => prefectureColumn(r.code)),
    ...zoneIds(dataset).map((id) => zoneColumn(dataset, id)),
  ];
  const columns = planner.compare.map((k) => columnFromKey(dataset, k)).filter((c) => c !== null);
  const rows = useMemo(
    () => (columns.length >= 2 ? compareRegions(dataset, columns, filters) : []),
    // columns derive from planner.compare
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, planner.compare, filters],
  );
  const toggle = (key: string) =>
    setPlanner({
      compare: planner.compare.includes(key) ? planner.compare.filter((k) => k !== key) : [...planner.compare, key],
    });
  const onMap = useMemo(() => {
    const codes = columns.filter((c) => c.type === 'prefecture').map((c) => c.ref);
    const zones = columns.filter((c) => c.type === 'zone').map((c) => dataset.byId.get(c.ref)!);
    // The regions themselves (a prefecture's outline, a zone), not every place reaching into them.
    const outlines = dataset.features.filter(
      (f) => f.kind === 'prefecture' && f.prefecture.some((c) => codes.includes(c)),
    );
    const extent = [...outlines, ...zones];
    return { codes, zones, extent };
    // columns derive from planner.compare
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataset, planner.compare]);
  return (
    <div className="planner-view">
      <ComparedRegions codes={onMap.codes} zones={onMap.zones} extent={onMap.extent} />
      <p className="intro">{t('compareIntro')}</p>
      <fieldset className="region-picker">
        <legend>{t('regions')}</legend>
        {options.map((c) => (
          <label key={c.key}>
            <input type="checkbox" checked={planner.compare.includes(c.key)} onChange={() => toggle(c.key)} />{' '}
            {l.columnLabel(c)}
          </label>
        ))}
      </fieldset>
      {columns.length < 2 ? (
        <p className="muted">{t('chooseAtLeastTwo')}</p>
      ) : (
        <div className="table-scroll">
          <table className="compare" data-testid="compare">
            <thead>
              <tr>
                <th scope="col">{t('industry')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {l.columnLabel(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.industry.id} className={`is-${r.status}`} data-industry={r.industry.id}>
                  <th scope="row">
                    {l.industryName(r.industry)}
                    <span className={`status status--${r.status}`}>{t(r.status)}</span>
                  </th>
                  {columns.map((c) => {
                    const hits = r.byColumn.get(c.key);
                    return (
                      <td key={c.key}>
                        {hits ? (
                          <details>
                            <summary>✓ {hits.length}</summary>
                            <PlaceClauseList
                              dataset={dataset}
                              industry={r.industry.id}
                              places={hits.map((h) => h.place)}
                            />
                          </details>
                        ) : (
                          <span className="zero">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
