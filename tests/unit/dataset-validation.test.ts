// Each validation rule of the data build, shown with a record that breaks it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildDataset, type DatasetInput } from '../../scripts/lib/dataset.ts';
import { FeatureCollectionOut } from '../../scripts/lib/schema.ts';

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

/** The project's translations of the fixture's clauses and notes (what sources/translations/ holds). */
const EN: Record<string, string> = {
  古雷半岛重点发展石油化工: 'The Gulei Peninsula will focus on developing petrochemicals.',
  古雷半岛重点发展钢铁: 'The Gulei Peninsula will focus on developing steel.',
  支持发展物流: 'Support the development of logistics.',
};
const ZH: Record<string, string> = {
  'Site from general knowledge.': '位置据常识。',
};

/** A translations file for `recordsPath` that covers exactly the clauses and notes of `features`. */
function translationsOf(recordsPath: string, features: unknown[], doc: string | undefined = DOC) {
  const recs = features as { id: string; note?: string; sources?: { quote: string }[] }[];
  const quotes = [...new Set(recs.flatMap((r) => (r.sources ?? []).map((s) => s.quote)))];
  for (const q of quotes) if (!(q in EN)) throw new Error(`fixture: no English for «${q}»`);
  return {
    path: recordsPath.replace('sources/records/', 'sources/translations/'),
    data: {
      ...(doc ? { doc } : {}),
      clauses: quotes.map((quote) => ({ quote, en: EN[quote] })),
      notes: Object.fromEntries(recs.filter((r) => r.note).map((r) => [r.id, ZH[r.note!]])),
    },
  };
}

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
    translations: [translationsOf('sources/records/test.yaml', features)],
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

  test('a place that is one whole prefecture names its outline; a second place of the same prefecture stops the build', () => {
    const whole = (id: string) => ({
      ...goodRecord(),
      id,
      kind: 'prefecture',
      location: { admin: '漳州市' },
      precision: 'admin_boundary',
    });
    const out = buildDataset(input([whole('zhangzhou')]));
    expect(out.errors).toEqual([]);
    expect(out.features!.features[0].properties.outline).toBe('350600');
    // Not an envelope of the prefecture, nor a county, nor a union of units.
    const envelope = { ...whole('zone'), precision: 'approximate_area' };
    const county = { ...whole('zhangpu'), kind: 'county', location: { admin: '漳州市/漳浦县' } };
    const union = { ...whole('two'), location: { admin: ['漳州市', '厦门市'] } };
    const others = buildDataset(input([envelope, county, union]));
    expect(others.errors).toEqual([]);
    for (const f of others.features!.features) expect(f.properties.outline, f.properties.id).toBeUndefined();
    expect(errorsOf([whole('zhangzhou'), whole('zhangzhou-again')])).toEqual([
      'sources/records/test.yaml: zhangzhou-again: location.admin: zhangzhou is already this whole prefecture (350600); one place per administrative unit',
    ]);
  });

  test('a duplicate id stops the build, naming both files', () => {
    const second = { path: 'sources/records/other.yaml', data: { doc: DOC, features: [goodRecord()] } };
    const inp = input([goodRecord()]);
    inp.records.push(second);
    inp.translations.push(translationsOf(second.path, second.data.features));
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

describe("the project's translations", () => {
  const withNote = () => ({ ...goodRecord(), note: 'Site from general knowledge.' });
  const file = (data: unknown, path = 'sources/translations/test.yaml') => ({ translations: [{ path, data }] });

  test('give every source its English and every note its Chinese, one entry for a text cited twice', () => {
    const twice = {
      ...goodRecord(),
      id: 'logistics-place',
      note: undefined,
      sources: [
        { quote: '支持发展物流', prefix: '第二条 ', industries: ['logistics'] },
        { quote: '支持发展物流', prefix: '第三条 ', industries: ['logistics'] },
      ],
    };
    const out = buildDataset(input([withNote(), twice]));
    expect(out.errors).toEqual([]);
    const [gulei, logistics] = ['gulei-park', 'logistics-place'].map(
      (id) => out.features!.features.find((f) => f.properties.id === id)!.properties,
    );
    expect(gulei.sources[0].quote_en).toBe(EN['古雷半岛重点发展石油化工']);
    expect(gulei.note_zh).toBe(ZH['Site from general knowledge.']);
    expect(logistics.sources.map((s) => [s.start, s.quote_en])).toEqual([
      [TEXT.indexOf('支持发展物流'), EN['支持发展物流']],
      [TEXT.lastIndexOf('支持发展物流'), EN['支持发展物流']],
    ]);
    expect(logistics).not.toHaveProperty('note_zh');
  });

  test('a cited clause with no English stops the build', () => {
    const errors = errorsOf([goodRecord()], file({ doc: DOC, clauses: [] }));
    expect(errors).toEqual([
      'sources/records/test.yaml: features[0] (gulei-park): sources[0].quote: no English rendering in sources/translations/test.yaml: «古雷半岛重点发展石油化工»',
    ]);
  });

  test('an entry that no source of its records file quotes is stale', () => {
    const clauses = [
      { quote: '古雷半岛重点发展石油化工', en: EN['古雷半岛重点发展石油化工'] },
      { quote: '支持发展物流', en: EN['支持发展物流'] },
    ];
    expect(errorsOf([goodRecord()], file({ doc: DOC, clauses }))).toEqual([
      'sources/translations/test.yaml: clauses[1].quote: stale: no source in sources/records/test.yaml quotes «支持发展物流»',
    ]);
  });

  test.each([
    ['an empty string', ''],
    ['only spaces', '  '],
    ['nothing after `en:` (YAML null)', null],
  ])('an `en` of %s stops the build', (_, en) => {
    const errors = errorsOf([goodRecord()], file({ doc: DOC, clauses: [{ quote: '古雷半岛重点发展石油化工', en }] }));
    expect(errors).toEqual([
      expect.stringMatching(
        /^sources\/translations\/test\.yaml: clauses\.0\.en: (empty|missing): write the English rendering of the quote$/,
      ),
    ]);
  });

  test('a note with no Chinese rendering stops the build, and so does a rendering of a note that is not there', () => {
    const clauses = [{ quote: '古雷半岛重点发展石油化工', en: EN['古雷半岛重点发展石油化工'] }];
    expect(errorsOf([withNote()], file({ doc: DOC, clauses }))).toEqual([
      'sources/records/test.yaml: features[0] (gulei-park): note: no Simplified Chinese rendering (notes.gulei-park) in sources/translations/test.yaml',
    ]);
    expect(errorsOf([goodRecord()], file({ doc: DOC, clauses, notes: { 'gulei-park': '位置据常识。' } }))).toEqual([
      'sources/translations/test.yaml: notes.gulei-park: stale: sources/records/test.yaml defines no feature "gulei-park" with a note',
    ]);
  });

  test('a records file without its translations file is reported once, with what is missing', () => {
    expect(errorsOf([withNote()], { translations: [] })).toEqual([
      "sources/records/test.yaml: no sources/translations/test.yaml: the project's translations of its 1 cited clause(s) and 1 note(s) are missing",
    ]);
  });

  test('two files that render the same clause of a document differently stop the build', () => {
    const inp = input([goodRecord()]);
    const ext = { id: 'gulei-park', sources: [{ quote: '古雷半岛重点发展石油化工', industries: [] }] };
    inp.records.push({ path: 'sources/records/more.yaml', data: { doc: DOC, features: [ext] } });
    inp.translations.push({
      path: 'sources/translations/more.yaml',
      data: { doc: DOC, clauses: [{ quote: '古雷半岛重点发展石油化工', en: 'Gulei develops petrochemicals.' }] },
    });
    expect(buildDataset(inp).errors).toEqual([
      `sources/translations/more.yaml: clauses[0].en: differs from sources/translations/test.yaml, which renders the same clause of ${DOC} «古雷半岛重点发展石油化工»`,
    ]);
    inp.translations[1] = translationsOf('sources/records/more.yaml', [ext]);
    expect(buildDataset(inp).errors).toEqual([]);
  });

  test('a translations file for no records file, or for another document, is reported', () => {
    const inp = input([goodRecord()]);
    inp.translations.push({ path: 'sources/translations/gone.yaml', data: { doc: DOC, clauses: [] } });
    (inp.translations[0].data as { doc: string }).doc = '901_0000000000000000';
    expect(buildDataset(inp).errors).toEqual([
      `sources/translations/test.yaml: doc: "901_0000000000000000", but sources/records/test.yaml has "${DOC}"`,
      'sources/translations/gone.yaml: there is no sources/records/gone.yaml to translate',
    ]);
  });

  test('the output contract itself requires note_zh beside a note, and a non-blank quote_en', () => {
    const out = buildDataset(input([withNote()]));
    expect(FeatureCollectionOut.safeParse(out.features).success).toBe(true);
    const props = out.features!.features[0].properties;
    delete props.note_zh;
    expect(FeatureCollectionOut.safeParse(out.features).error?.issues[0].path).toEqual([
      'features',
      0,
      'properties',
      'note_zh',
    ]);
    props.note_zh = ZH['Site from general knowledge.'];
    props.sources[0].quote_en = ' ';
    expect(FeatureCollectionOut.safeParse(out.features).success).toBe(false);
  });
});
