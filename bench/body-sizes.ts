// Prints the sizes of JSON request bodies, to choose the server's body limit (docs/decisions/004).
// Run: npx tsx bench/body-sizes.ts
//  1. real bodies: each built-in checklist sent as a publish (the largest form the web app sends);
//  2. per route, the largest body the contract allows (every string at its max length in 3-byte
//     Chinese, every array at its max count); "unbounded" marks an array without a max count.
import { z } from 'zod';
import { allRoutes } from '../src/contract/index.ts';
import { SEED_CHECKLISTS } from '../src/domain/checklists/seed-checklists.ts';
import { itemsOf } from '../src/domain/checklists/checklist.ts';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log('Built-in checklists as a publish body (PATCH of a template):');
for (const t of SEED_CHECKLISTS) {
  const n = itemsOf(t).length;
  const size = bytes({ ...t, baseVersion: 1 });
  console.log(`  ${t.code.padEnd(28)} ${String(n).padStart(4)} items  ${kb(size).padStart(10)}  (${Math.round(size / n)} B per item)`);
}

type Js = Record<string, any>;
let unbounded = false;
function largest(s: Js): unknown {
  if (s.anyOf || s.oneOf) {
    const options = (s.anyOf ?? s.oneOf).map(largest);
    return options.sort((a: unknown, b: unknown) => bytes(b ?? null) - bytes(a ?? null))[0];
  }
  if (s.enum) return [...s.enum].sort((a, b) => bytes(b) - bytes(a))[0];
  if (s.const !== undefined) return s.const;
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2024-01-01';
      return '安'.repeat(s.maxLength ?? 100);
    case 'number': case 'integer': return s.maximum ?? 1e10;
    case 'boolean': return false;
    case 'null': return null;
    case 'array': {
      if (s.maxItems === undefined) unbounded = true;
      const item = largest(s.items ?? {});
      return Array.from({ length: s.maxItems ?? 1 }, () => item);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = largest(p as Js);
      return out;
    }
    default: return null;
  }
}

console.log('\nLargest body the contract allows, per route (top 15):');
const rows = Object.entries(allRoutes)
  .filter(([, d]) => d.body)
  .map(([name, d]) => {
    unbounded = false;
    const js = z.toJSONSchema(d.body!, { io: 'input', unrepresentable: 'any' }) as Js;
    return { name, size: bytes(largest(js)), unbounded };
  })
  .sort((a, b) => b.size - a.size);
for (const r of rows.slice(0, 15)) console.log(`  ${r.name.padEnd(34)} ${kb(r.size).padStart(12)}${r.unbounded ? '  (an array without a max count: counted once)' : ''}`);
