// Properties are data, never code: kept verbatim as text, capped, unsafe names dropped.
import { describe, expect, test } from 'vitest';
import { fc, json, ok, parse, point } from './helpers.ts';

describe('properties are data, never code', () => {
  test('HTML and script strings are kept verbatim as strings', () => {
    const evil = {
      name: '<script>alert(1)</script>',
      img: '<img src=x onerror="alert(document.cookie)">',
      link: 'javascript:alert(1)',
      formula: '=HYPERLINK("http://evil")',
      expr: '["get", "name"]',
    };
    const { layer } = ok(parse('evil.geojson', json(fc([point(119, 26, evil)]))));
    expect(layer.collection.features[0].properties).toEqual(evil);
    const csv = 'lon,lat,name\n119,26,"<img src=x onerror=""alert(1)"">"\n';
    expect(ok(parse('evil.csv', csv)).layer.collection.features[0].properties).toEqual({
      name: '<img src=x onerror="alert(1)">',
    });
  });

  test('__proto__, constructor and prototype keys are dropped; nothing is polluted', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[119,26]},' +
      '"properties":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":1,"ok":"fine"}}],' +
      '"__proto__":{"polluted":"yes"}}';
    const { layer, warnings } = ok(parse('proto.geojson', text));
    const props = layer.collection.features[0].properties;
    expect(props).toEqual({ ok: 'fine' });
    expect(Object.keys(props)).toEqual(['ok']);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((props as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings).toEqual(['Ignored 3 property(ies) named __proto__, constructor or prototype.']);

    const csv = 'lon,lat,__proto__,constructor,name\n119,26,{"polluted":1},x,a\n';
    const fromCsv = ok(parse('proto.csv', csv));
    expect(fromCsv.layer.collection.features[0].properties).toEqual({ name: 'a' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('values are reduced to primitives and capped', () => {
    const properties: Record<string, unknown> = {
      nested: { a: [1, 2], b: { c: 'd' } },
      list: [1, 'two', null],
      long: 'x'.repeat(600),
      ['k'.repeat(150)]: 'long key',
      big: 1e308,
    };
    for (let i = 0; i < 60; i++) properties[`p${i}`] = i;
    const { layer, warnings } = ok(parse('caps.geojson', json(fc([point(119, 26, properties)]))));
    const props = layer.collection.features[0].properties;
    expect(Object.keys(props)).toHaveLength(50);
    expect(props.nested).toBe('{"a":[1,2],"b":{"c":"d"}}');
    expect(props.list).toBe('[1,"two",null]');
    expect(props.long).toHaveLength(500);
    expect(props.long).toBe('x'.repeat(499) + '…');
    expect(props['k'.repeat(100)]).toBe('long key');
    expect(props.big).toBe(1e308);
    expect(props.p44).toBe(44);
    expect(props.p45).toBeUndefined();
    expect(warnings).toEqual([
      '1 feature(s) have more than 50 properties; only the first 50 were kept.',
      '1 property name(s) longer than 100 characters were shortened.',
      '1 value(s) longer than 500 characters were shortened.',
    ]);
  });

  test('a long nested value is capped too, and a surrogate pair is never split', () => {
    const { layer } = ok(
      parse(
        'n.geojson',
        json(fc([point(119, 26, { deep: { list: Array(1000).fill(1) }, emoji: 'a' + '😀'.repeat(300) })])),
      ),
    );
    const props = layer.collection.features[0].properties;
    expect((props.deep as string).length).toBe(500);
    const emoji = props.emoji as string;
    expect(emoji.length).toBeLessThanOrEqual(500);
    expect(emoji.endsWith('😀…')).toBe(true);
  });

  test('feature ids: strings and finite numbers only', () => {
    const features = [
      { ...point(119, 26), id: 7 },
      { ...point(119, 26), id: { evil: true } },
    ];
    const { layer } = ok(parse('ids.geojson', json(fc(features))));
    expect(layer.collection.features[0].id).toBe(7);
    expect('id' in layer.collection.features[1]).toBe(false);
  });
});
