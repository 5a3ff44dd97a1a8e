// Every integer a route accepts fits PostgreSQL `integer`, and the contract declares integers
// only through int() / coerceInt() (contract/zod.ts), so a new route cannot forget the bounds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRoutes } from './index.ts';
import { INT32_MAX, INT32_MIN, INT_OUT_OF_RANGE, coerceInt, int, z } from './zod.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
type Js = Record<string, unknown>;

/** Every integer node of a JSON Schema whose bounds are missing or wider than int32, as paths. */
function unboundedIntegers(schema: unknown, at = '', out: string[] = []): string[] {
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => unboundedIntegers(s, `${at}[${i}]`, out));
  } else if (schema && typeof schema === 'object') {
    const s = schema as Js;
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('integer')) {
      const min = s.minimum ?? s.exclusiveMinimum;
      const max = s.maximum ?? s.exclusiveMaximum;
      if (typeof min !== 'number' || typeof max !== 'number' || min < INT32_MIN || max > INT32_MAX) out.push(at || '(root)');
    }
    for (const [k, v] of Object.entries(s)) unboundedIntegers(v, `${at}/${k}`, out);
  }
  return out;
}

describe('integers in the contract', () => {
  it('every integer in every route input (params, query, body) is bounded to the 32-bit range', () => {
    const problems: string[] = [];
    for (const [name, def] of Object.entries(allRoutes)) {
      for (const [part, schema] of [['params', def.params], ['query', def.query], ['body', def.body]] as const) {
        if (!schema) continue;
        const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
        for (const p of unboundedIntegers(js)) problems.push(`${name} ${part} ${p}`);
      }
    }
    expect(problems, 'declare integers with int() / coerceInt() from contract/zod.ts').toEqual([]);
  });

  it('is declared with int() or coerceInt() only: no bare .int() or z.int() in contract sources', () => {
    const offenders: string[] = [];
    for (const file of fs.readdirSync(here)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'zod.ts') continue;
      fs.readFileSync(path.join(here, file), 'utf8').split('\n').forEach((line, i) => {
        if (/\.int\(|\bz\.(int|int32|int64|uint32|bigint|coerce\.number|coerce\.bigint)\(/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, 'use int() / coerceInt() from contract/zod.ts').toEqual([]);
  });

  it('refuses out-of-range, fractional and non-numeric values with Chinese field messages', () => {
    const s = z.object({ version: int(), page: coerceInt().min(1) });
    const messages = (v: unknown) => s.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(s.parse({ version: INT32_MAX, page: '2' })).toEqual({ version: INT32_MAX, page: 2 });
    expect(messages({ version: 2 ** 40, page: String(2 ** 40) })).toEqual([`version: ${INT_OUT_OF_RANGE}`, `page: ${INT_OUT_OF_RANGE}`]);
    expect(messages({ version: INT32_MIN - 1, page: '0' })).toEqual([`version: ${INT_OUT_OF_RANGE}`, 'page: 不能小于 1']);
    expect(messages({ version: 1.5, page: 'abc' })).toEqual(['version: 应为整数', 'page: 应为整数']);
    expect(messages({ version: '1', page: '1' })).toEqual(['version: 应为数字']);
  });
});
