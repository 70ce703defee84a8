// The industry taxonomy: checks sources/industries.yaml and derives data/industries.json (levels,
// children, Traditional Chinese, pinyin, synonyms in every language).
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { GBT4754_SECTIONS, type IndustriesOutT, type TaxonomyT } from './schema.ts';

const FILE = 'sources/industries.yaml';

/** Taiwan usage with Taiwan phrases (软件 → 軟體, 信息 → 資訊, 集成电路 → 積體電路). */
const toTaiwanTerm = OpenCC.Converter({ from: 'cn', to: 'twp' });
/** Character conversion only (软件 → 軟件): what a reader of Hong Kong or older texts may type. */
const toHantChars = OpenCC.Converter({ from: 'cn', to: 'tw' });

const toPinyin = (zh: string) =>
  pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').replace(/\s+/g, ' ').trim();

const unique = (list: string[], except: string[]) => {
  const skip = new Set(except.map((s) => s.toLowerCase()));
  const out: string[] = [];
  for (const s of list) {
    const key = s.toLowerCase();
    if (skip.has(key)) continue;
    out.push(s);
    skip.add(key);
  }
  return out;
};

export interface Taxonomy {
  output: IndustriesOutT;
  /** Position of each id in taxonomy order. */
  order: Map<string, number>;
}

/** Checks the taxonomy's structure; problems go to `errors` as `sources/industries.yaml: id: field: message`. */
export function buildTaxonomy(taxonomy: TaxonomyT, groupHant: (zh: string) => string, errors: string[]): Taxonomy {
  const groupIds = new Set(taxonomy.groups.map((g) => g.id));
  const byId = new Map<string, TaxonomyT['industries'][number]>();
  for (const ind of taxonomy.industries) {
    if (byId.has(ind.id)) errors.push(`${FILE}: ${ind.id}: duplicate industry id`);
    byId.set(ind.id, ind);
  }
  const groupOf = (ind: TaxonomyT['industries'][number]) =>
    ind.parent ? (byId.get(ind.parent)?.group ?? '') : (ind.group ?? '');
  for (const ind of taxonomy.industries) {
    const where = `${FILE}: ${ind.id}`;
    if (ind.parent) {
      const parent = byId.get(ind.parent);
      if (!parent) errors.push(`${where}: parent: unknown industry "${ind.parent}"`);
      else if (parent.parent || parent.level === 'sector')
        errors.push(`${where}: parent: "${ind.parent}" is not an industry (two levels only: industry → sub-industry)`);
      else {
        if (ind.group && ind.group !== parent.group)
          errors.push(`${where}: group: "${ind.group}" differs from its parent's group "${parent.group}"`);
        const [a, b] = [ind.gbt4754, parent.gbt4754];
        if (a && b && (a.section !== b.section || (a.division && b.division && a.division !== b.division)))
          errors.push(`${where}: gbt4754: ${JSON.stringify(a)} does not lie within its parent's ${JSON.stringify(b)}`);
      }
      if (ind.level === 'sector') errors.push(`${where}: level: a sector term has no parent`);
    } else if (!ind.group) errors.push(`${where}: group: an entry without a parent needs a group`);
    else if (!groupIds.has(ind.group)) errors.push(`${where}: group: unknown group "${ind.group}"`);
    if (ind.gbt4754?.division) {
      const [lo, hi] = GBT4754_SECTIONS[ind.gbt4754.section];
      const d = Number(ind.gbt4754.division);
      if (d < lo || d > hi)
        errors.push(`${where}: gbt4754: division ${ind.gbt4754.division} is not in section ${ind.gbt4754.section}`);
    }
  }

  const output: IndustriesOutT = {
    groups: taxonomy.groups.map((g) => ({ id: g.id, zh: g.zh, zh_hant: groupHant(g.zh), en: g.en })),
    industries: taxonomy.industries.map((i) => {
      const zhHant = i.zh_hant ?? toTaiwanTerm(i.zh);
      const syn = i.synonyms ?? {};
      const zh = unique(syn.zh ?? [], [i.zh]);
      return {
        id: i.id,
        group: groupOf(i),
        level: i.parent ? 'sub_industry' : (i.level ?? 'industry'),
        ...(i.parent ? { parent: i.parent } : {}),
        children: taxonomy.industries.filter((c) => c.parent === i.id).map((c) => c.id),
        zh: i.zh,
        zh_hant: zhHant,
        en: i.en,
        pinyin: toPinyin(i.zh),
        synonyms: {
          zh,
          zh_hant: unique([...(syn.zh_hant ?? []), toHantChars(i.zh), ...zh.map(toTaiwanTerm)], [zhHant]),
          en: unique(syn.en ?? [], [i.en]),
        },
        ...(i.gbt4754 ? { gbt4754: i.gbt4754 } : {}),
        ...(i.sei2018 ? { sei2018: i.sei2018 } : {}),
        ...(i.note ? { note: i.note } : {}),
      };
    }),
  };
  return { output, order: new Map(taxonomy.industries.map((ind, i) => [ind.id, i])) };
}
