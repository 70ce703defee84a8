// Each validation rule of the data build, shown with a record that breaks it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildDataset, type DatasetInput } from '../../scripts/lib/dataset.ts';

const DOC = '900_0000000000000000';
const TEXT = '第一条 古雷半岛重点发展石油化工。第二条 支持发展物流。第三条 支持发展物流。';
const boundaries = {
  counties: JSON.parse(readFileSync('data/boundaries/counties.geojson', 'utf8')),
  prefectures: JSON.parse(readFileSync('data/boundaries/prefectures.geojson', 'utf8')),
};

const goodRecord = () => ({
  id: 'gulei-park',
  name_zh: '古雷石化园',
  name_en: 'Gulei Petrochemical Park',
  kind: 'specialised_park',
  prefecture: '漳州市',
  location: { point: [117.6, 23.78], county: '漳州市/漳浦县' },
  precision: 'point_site',
  sources: [{ quote: '古雷半岛重点发展石油化工', industries: ['petrochemical'], wording: '石油化工' }],
});

function input(features: unknown[], extra: Partial<DatasetInput> = {}): DatasetInput {
  return {
    manifest: [
      {
        doc: DOC,
        title_zh: '测试规划',
        title_en: 'Test plan',
        issuer_zh: '测试',
        issuer_en: 'Test',
        issued: '2011-01-01',
        period: { start: 2011, end: 2015 },
        province: '350000',
        condition: 'synthetic',
      },
    ],
    texts: { [DOC]: TEXT },
    taxonomy: {
      groups: [{ id: 'g', zh: '组', en: 'Group' }],
      industries: [
        { id: 'petrochemical', group: 'g', zh: '石化', en: 'Petrochemicals' },
        { id: 'logistics', group: 'g', zh: '物流', en: 'Logistics' },
      ],
    },
    records: [{ path: 'sources/records/test.yaml', data: { doc: DOC, features } }],
    ...boundaries,
    ...extra,
  };
}

const errorsOf = (features: unknown[], extra?: Partial<DatasetInput>) => buildDataset(input(features, extra)).errors;

describe('data build', () => {
  test('a good record builds, with its clause anchored at the exact offsets', () => {
    const out = buildDataset(input([goodRecord()]));
    expect(out.errors).toEqual([]);
    const src = out.features!.features[0].properties.sources[0];
    expect(TEXT.slice(src.start, src.end)).toBe(src.quote);
    expect(out.features!.features[0].properties.county).toBe('350623');
    expect(out.features!.features[0].properties.prefecture).toEqual(['350600']);
  });

  test('an unanchorable quote stops the build, naming file, record and field', () => {
    const r = goodRecord();
    r.sources[0].quote = '古雷半岛重点发展钢铁';
    expect(errorsOf([r])).toEqual([
      expect.stringMatching(
        /^sources\/records\/test\.yaml: features\[0\] \(gulei-park\): sources\[0\]\.quote: not found/,
      ),
    ]);
  });

  test('an ambiguous quote must be told apart with a prefix or suffix', () => {
    const r = { ...goodRecord(), sources: [{ quote: '支持发展物流', industries: ['logistics'] }] };
    expect(errorsOf([r])[0]).toMatch(/sources\[0\]\.quote: ambiguous: occurs 2 times/);
    const fixed = {
      ...goodRecord(),
      sources: [{ quote: '支持发展物流', prefix: '第三条 ', industries: ['logistics'] }],
    };
    const out = buildDataset(input([fixed]));
    expect(out.errors).toEqual([]);
    expect(out.features!.features[0].properties.sources[0].start).toBe(TEXT.lastIndexOf('支持发展物流'));
  });

  test('an unknown industry id stops the build', () => {
    const r = goodRecord();
    r.sources[0].industries = ['petrochemicals'];
    expect(errorsOf([r])).toEqual([
      expect.stringMatching(/sources\[0\]\.industries: unknown industry id "petrochemicals"/),
    ]);
  });

  test('a point outside the county it declares stops the build', () => {
    const r = goodRecord();
    r.location = { point: [119.3, 26.08], county: '漳州市/漳浦县' }; // Fuzhou, not Zhangpu
    expect(errorsOf([r])).toEqual([
      expect.stringMatching(/location: point \[119\.3, 26\.08\] lies outside its county 漳州市\/漳浦县/),
    ]);
  });

  test('a duplicate id stops the build, naming both files', () => {
    const second = { path: 'sources/records/other.yaml', data: { doc: DOC, features: [goodRecord()] } };
    const inp = input([goodRecord()]);
    inp.records.push(second);
    expect(buildDataset(inp).errors).toEqual([
      'sources/records/other.yaml: features[0] (gulei-park): id: duplicate id "gulei-park" (also defined in sources/records/test.yaml)',
    ]);
  });

  test('a feature that no clause cites stops the build', () => {
    const inp = input([goodRecord()]);
    inp.records.push({
      path: 'sources/records/areas.yaml',
      data: { features: [{ ...goodRecord(), id: 'uncited', sources: [] }] },
    });
    expect(buildDataset(inp).errors).toEqual([
      expect.stringMatching(
        /^sources\/records\/areas\.yaml: features\[0\] \(uncited\): sources: no clause of any document cites/,
      ),
    ]);
  });

  test('wording that is not part of its clause, an unknown county and an unknown parent are reported together', () => {
    const a = goodRecord();
    a.sources[0].wording = '钢铁';
    const b = { ...goodRecord(), id: 'b', location: { seat: '漳州市/不存在县' } };
    const c = { ...goodRecord(), id: 'c', parent: 'nowhere' };
    const errors = errorsOf([a, b, c]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(gulei-park\): sources\[0\]\.wording: "钢铁" is not part of the quote/),
        expect.stringMatching(/\(b\): location\.seat: unknown county "漳州市\/不存在县"/),
        expect.stringMatching(/\(c\): parent: no feature has id "nowhere"/),
      ]),
    );
  });

  test('an extension of an undefined id, and a malformed record, are reported', () => {
    const errors = errorsOf([
      goodRecord(),
      { id: 'ghost', sources: [{ quote: '古雷半岛重点发展石油化工' }] },
      { id: 'x', kind: 'castle' },
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/features\[1\] \(ghost\): id: extends "ghost", which no record defines/),
        expect.stringMatching(/features\[2\] \(x\): kind: Invalid option/),
      ]),
    );
  });

  test('a document that no feature cites is reported', () => {
    const inp = input([goodRecord()]);
    (inp.manifest as object[]).push({ ...(inp.manifest as object[])[0], doc: '901_0000000000000000' });
    inp.texts['901_0000000000000000'] = '空';
    expect(buildDataset(inp).errors).toEqual(['901_0000000000000000: no feature cites this document']);
  });

  test('the taxonomy derives levels and children, and rejects a bad parent or a code outside its section', () => {
    const taxonomy = {
      groups: [{ id: 'g', zh: '组', en: 'Group' }],
      industries: [
        { id: 'petrochemical', group: 'g', zh: '石化', en: 'Petrochemicals' },
        { id: 'logistics', group: 'g', zh: '物流', en: 'Logistics', gbt4754: { section: 'G' } },
        { id: 'cold-chain', parent: 'logistics', zh: '冷链物流', en: 'Cold chain', synonyms: { zh: ['冷链'] } },
        { id: 'software', group: 'g', zh: '软件', en: 'Software' },
      ],
    };
    const out = buildDataset(input([goodRecord()], { taxonomy }));
    expect(out.errors).toEqual([]);
    const byId = new Map(out.industries!.industries.map((i) => [i.id, i]));
    expect(byId.get('logistics')).toMatchObject({ level: 'industry', children: ['cold-chain'] });
    expect(byId.get('cold-chain')).toMatchObject({ level: 'sub_industry', parent: 'logistics', group: 'g' });
    expect(byId.get('cold-chain')!.synonyms.zh_hant).toContain('冷鏈');
    expect(byId.get('software')!.zh_hant).toBe('軟體'); // Taiwan phrase, not 軟件
    expect(byId.get('software')!.synonyms.zh_hant).toContain('軟件');

    const bad = structuredClone(taxonomy) as { industries: Record<string, unknown>[] };
    bad.industries[2].parent = 'nowhere';
    bad.industries.push({ id: 'deep', parent: 'cold-chain', zh: '深', en: 'Deep' });
    bad.industries[1].gbt4754 = { section: 'G', division: '39' };
    expect(buildDataset(input([goodRecord()], { taxonomy: bad })).errors).toEqual(
      expect.arrayContaining([
        'sources/industries.yaml: cold-chain: parent: unknown industry "nowhere"',
        'sources/industries.yaml: deep: parent: "cold-chain" is not an industry (two levels only: industry → sub-industry)',
        'sources/industries.yaml: logistics: gbt4754: division 39 is not in section G',
      ]),
    );
  });

  test('aliases are carried with their Traditional form, and one that no document contains stops the build', () => {
    const withAlias = { ...goodRecord(), aliases_zh: ['古雷半岛'], aliases_en: ['Gulei Peninsula'] };
    const out = buildDataset(input([withAlias]));
    expect(out.errors).toEqual([]);
    expect(out.features!.features[0].properties).toMatchObject({
      aliases_zh: ['古雷半岛'],
      aliases_zh_hant: ['古雷半島'],
      aliases_en: ['Gulei Peninsula'],
    });
    expect(errorsOf([{ ...goodRecord(), aliases_zh: ['古雷港区'] }])).toEqual([
      'sources/records/test.yaml: features[0] (gulei-park): aliases_zh: "古雷港区" occurs in no document',
    ]);
  });
});
