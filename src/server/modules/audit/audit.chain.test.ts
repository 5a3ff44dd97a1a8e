import { describe, expect, it } from 'vitest';
import { JsonText, canonicalJson, canonicalJsonValue, toJsonValue } from './audit.chain.ts';

// A bulk append hashes canonicalJsonValue(record): it must give exactly what the chain hashed
// before, canonicalJson of the value as jsonb reads it back, or verification would fail.
describe('canonicalJsonValue', () => {
  const cases: [string, unknown][] = [
    ['a record', { id: 'x', b: 2, a: '消防', at: new Date('2024-06-03T04:00:00Z'), none: null, gone: undefined, tags: ['b', 'a'] }],
    ['nested objects and arrays', { z: { y: [1, { b: 1, a: [null, undefined, () => 1] }], x: 'q' }, a: [] }],
    ['index-like keys', { 10: 'ten', 9: 'nine', a: 1, '1a': 2 }],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"b": 1}, "a": 2}')],
    ['non-finite numbers and -0', { n: Number.NaN, i: Number.POSITIVE_INFINITY, z: -0, e: 1e21 }],
    ['functions, symbols and undefined values', { f: () => 1, s: Symbol('s'), u: undefined, k: 1 }],
    ['an invalid date', { d: new Date(Number.NaN) }],
    ['boxed primitives, maps and buffers', { s: Object('s'), m: new Map([[1, 2]]), b: Buffer.from('ab') }],
    ['toJSON', { t: { toJSON: () => ({ b: 1, a: 2 }) } }],
    // eslint-disable-next-line no-sparse-arrays -- a hole is what this case is about
    ['a sparse array', { s: [1, , 3] }],
    ['strings with escapes and lone surrogates', { s: 'a"b\\c\n\u0001\ud800' }],
    ['a scalar', '消防'],
    ['null', null],
    ['undefined', undefined],
  ];
  it.each(cases)('%s', (_name, value) => {
    expect(canonicalJsonValue(value)).toBe(canonicalJson(toJsonValue(value)));
  });

  it('JsonText goes in as is', () => {
    const after = new JsonText(canonicalJsonValue({ b: 1, a: 2 }));
    expect(canonicalJson({ after, seq: 1 })).toBe('{"after":{"a":2,"b":1},"seq":1}');
  });
});
