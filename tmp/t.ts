import { parseDeadline, expandDeadline } from '../src/domain/campaigns/deadline-rule/index.ts';
const p = { start: '2024-11-15', end: '2025-02-28' };
for (const t of ['每月14日和月底18:00前', '每月14日、30日18:00前', '每月28日前', '每月14日和月底 18:00']) { const r = parseDeadline(t, p); console.log(t, JSON.stringify(r), expandDeadline(r, p).map(d=>d.due+'/'+d.from+'/'+(d.time??'')).join(' ')); }
