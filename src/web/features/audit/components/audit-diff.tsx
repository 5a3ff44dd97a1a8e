import { Checkbox, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TAuditEntry } from '../../../../contract/audit.ts';
import { type DiffRow, diffRows } from '../../../../contract/audit-values.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';

const cell = (text: string) => <span className="audit-value">{text}</span>;

/** Before/after of an audit entry, field by field in Chinese, with the changed ones highlighted. */
export function AuditDiff({ entry, refs }: { entry: TAuditEntry; refs: Record<string, string> }) {
  const { before, after } = entry;
  const [showAll, setShowAll] = useState(false);
  const phone = useIsMobile();
  if (before == null && after == null) return <Typography.Text type="secondary">无记录内容</Typography.Text>;
  const all = diffRows({ entityType: entry.entityType, refs }, before, after);
  const onlyAfter = before == null;
  const onlyBefore = after == null;
  const isChange = !onlyAfter && !onlyBefore;
  const changed = all.filter((r) => r.changed);
  const rows = isChange && !showAll ? changed : all;
  return (
    <div data-testid="audit-diff">
      {isChange && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text>修改了 {changed.length} 个字段</Typography.Text>
          <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>
            显示全部字段（{all.length}）
          </Checkbox>
        </Flex>
      )}
      {phone ? (
        // A phone has no room for three columns side by side: each field with its values under it.
        <Flex vertical gap={8} style={{ marginBottom: 8 }} data-testid="audit-diff-fields">
          {rows.map((r) => (
            <div key={r.key} className={r.changed && isChange && showAll ? 'diff-changed' : ''}>
              <Typography.Text strong>{r.label}</Typography.Text>
              {!onlyAfter && <div>{isChange && <Typography.Text type="secondary">修改前：</Typography.Text>}{cell(r.before || '—')}</div>}
              {!onlyBefore && <div>{isChange && <Typography.Text type="secondary">修改后：</Typography.Text>}{cell(r.after || '—')}</div>}
            </div>
          ))}
        </Flex>
      ) : (
        <Table<DiffRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          rowClassName={(r) => (r.changed && isChange && showAll ? 'diff-changed' : '')}
          scroll={{ x: 560 }}
          columns={[
            { title: '字段', dataIndex: 'label', width: 160 },
            ...(onlyAfter ? [] : [{ title: '修改前', key: 'before', render: (_v: unknown, r: DiffRow) => cell(r.before) }]),
            ...(onlyBefore ? [] : [{ title: onlyAfter ? '内容' : '修改后', key: 'after', render: (_v: unknown, r: DiffRow) => cell(r.after) }]),
          ]}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        记录序号 {entry.seq} · 校验值 <span className="mono">{entry.hash.slice(0, 16)}…</span>
      </Typography.Text>
    </div>
  );
}
