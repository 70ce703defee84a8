// The planner's province (its prefectures are the matrix's columns, the overlap report's scope).
import { useAppStore } from '../../state/store.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { PROVINCES } from './columns.ts';

export function ProvinceSelect({ className }: { className?: string }) {
  const province = useAppStore((s) => s.planner.province);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const i18n = useI18n();
  return (
    <label className={className}>
      {i18n.t('provinceFilter')}{' '}
      <select
        value={province}
        onChange={(e) => setPlanner({ province: PROVINCES.find((p) => p === e.target.value) ?? province })}
      >
        {PROVINCES.map((p) => (
          <option key={p} value={p}>
            {i18n.provinceName(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
