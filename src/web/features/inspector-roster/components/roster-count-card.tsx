// 某日在岗: the roster counted on a chosen day, per level (the district's own, each township), the
// figure the 崇明 调度表's 技术检查员 cell takes on its due day.
import { Card, DatePicker, Flex, Table, Typography } from 'antd';
import type { TInspectorCountResponse } from '../../../../contract/inspector-roster.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { dayjs } from '../../../lib/format.ts';
import { useInspectorCount } from '../api/inspector-roster.ts';

type Level = TInspectorCountResponse['levels'][number];

export function RosterCountCard({ on, onChange }: { on: string; onChange: (day: string) => void }) {
  const q = useInspectorCount(on);
  const isMobile = useIsMobile();
  const d = q.data;
  const picker = (
    <DatePicker value={dayjs(on)} allowClear={false} inputReadOnly={isMobile} aria-label="统计日期"
      onChange={(v) => v && onChange(v.format('YYYY-MM-DD'))} data-testid="roster-count-date" />
  );
  const levels = d?.levels ?? [];
  return (
    <Card size="small" title="在岗人数" extra={picker} data-testid="roster-count" style={{ marginBottom: 12 }}>
      {isMobile || levels.length <= 1 ? (
        <Flex vertical gap={6}>
          {levels.map((l) => (
            <Flex key={l.townshipId ?? 'district'} justify="space-between" data-testid="roster-count-level">
              <span>{l.name}{l.townshipId === null && levels.length > 1 ? '（区本级）' : ''}</span>
              <span>专职 {l.fullTime} · 兼职 {l.partTime} · <strong>{l.total}</strong> 人</span>
            </Flex>
          ))}
          {levels.length > 1 && <Typography.Text strong data-testid="roster-count-total">两级合计 {d?.total ?? 0} 人</Typography.Text>}
        </Flex>
      ) : (
        <Table<Level>
          size="small" pagination={false} loading={q.isFetching && !d} rowKey={(l) => l.townshipId ?? 'district'} dataSource={levels}
          columns={[
            { title: '名册', key: 'name', render: (_v, l) => (l.townshipId === null ? `${l.name}（区本级）` : l.name) },
            { title: '专职', dataIndex: 'fullTime', key: 'fullTime', align: 'right', width: 90 },
            { title: '兼职', dataIndex: 'partTime', key: 'partTime', align: 'right', width: 90 },
            { title: '合计', dataIndex: 'total', key: 'total', align: 'right', width: 90 },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>两级合计</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{levels.reduce((s, l) => s + l.fullTime, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{levels.reduce((s, l) => s + l.partTime, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><strong data-testid="roster-count-total">{d?.total ?? 0}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          data-testid="roster-count-table"
        />
      )}
    </Card>
  );
}
