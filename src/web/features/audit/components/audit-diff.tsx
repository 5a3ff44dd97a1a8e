import { Checkbox, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TAuditEntry } from '../../../../contract/audit.ts';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

function show(v: Json): string {
  if (v === undefined) return '';
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export interface DiffRow {
  key: string;
  before: Json;
  after: Json;
  changed: boolean;
}

/** One row per field of before ∪ after, changed fields first marked. */
export function diffRows(before: Json, after: Json): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

/** Before/after of an audit entry, field by field, with the changed ones highlighted. */
export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const { before, after } = entry;
  const [showAll, setShowAll] = useState(false);
  if (before == null && after == null) return <Typography.Text type="secondary">无记录内容</Typography.Text>;
  if ((before != null && !isRecord(before)) || (after != null && !isRecord(after))) {
    return (
      <pre className="json-block">{JSON.stringify({ before, after }, null, 2)}</pre>
    );
  }
  const all = diffRows(before, after);
  const onlyAfter = before == null;
  const onlyBefore = after == null;
  const isChange = !onlyAfter && !onlyBefore;
  const changed = all.filter((r) => r.changed);
  const rows = isChange && !showAll ? changed : all;
  return (
    <div>
      {isChange && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text>修改了 {changed.length} 个字段</Typography.Text>
          <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>
            显示全部字段（{all.length}）
          </Checkbox>
        </Flex>
      )}
      <Table<DiffRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.changed && isChange && showAll ? 'diff-changed' : '')}
        scroll={{ x: 560 }}
        columns={[
          { title: '字段', dataIndex: 'key', width: 180, render: (k: string) => <span className="mono">{k}</span> },
          ...(onlyAfter
            ? []
            : [{ title: '修改前', key: 'before', render: (_v: unknown, r: DiffRow) => <span className="mono">{show(r.before)}</span> }]),
          ...(onlyBefore
            ? []
            : [{ title: onlyAfter ? '内容' : '修改后', key: 'after', render: (_v: unknown, r: DiffRow) => <span className="mono">{show(r.after)}</span> }]),
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        记录序号 {entry.seq} · 校验值 <span className="mono">{entry.hash.slice(0, 16)}…</span>
      </Typography.Text>
    </div>
  );
}
