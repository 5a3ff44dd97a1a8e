// One page of who is behind: per enterprise its state for each category (the windows met of those
// owed, the last record), the open window's last day; a table on a desktop, cards on a phone.
import { Card, Flex, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TComplianceItem } from '../../../../contract/drills.ts';
import { paths } from '../../../app/paths.ts';
import { CardList, ListTable, type PagedViewProps } from '../../../components/paged-list.tsx';
import { ComplianceTag } from './labels.tsx';

export type ComplianceRow = TComplianceItem & { id: string };
type State = TComplianceItem['drill'];

const EMPTY = '没有符合条件的生产经营单位';

function StateCell({ s, testId }: { s: State; testId: string }) {
  if (s.status === 'not_required') return <ComplianceTag status={s.status} testId={testId} />;
  return (
    <Flex vertical gap={2}>
      <span><ComplianceTag status={s.status} testId={testId} /> <span className="text-muted">{s.met}/{s.owed} 期</span></span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>最近 {s.lastHeldOn ?? '无'}</Typography.Text>
    </Flex>
  );
}

/** The open window's last day, of the categories still unmet now (the earliest). */
const dueOf = (r: TComplianceItem) => [r.drill.dueOn, r.training.dueOn].filter((d): d is string => !!d).sort()[0] ?? null;

export function ComplianceTable(p: PagedViewProps<ComplianceRow>) {
  const columns: TableProps<ComplianceRow>['columns'] = [
    {
      title: '生产经营单位', key: 'name',
      render: (_v, r) => (
        <Flex gap={4} align="center" wrap>
          <Link to={paths.enterprises.detail(r.enterprise.id)} data-testid="compliance-link">{r.enterprise.name}</Link>
          {r.enterprise.isHighRisk && <Tag color="volcano">高危</Tag>}
        </Flex>
      ),
    },
    { title: '村/社区', key: 'village', width: 110, render: (_v, r) => r.enterprise.villageName },
    { title: '应急演练', key: 'drill', width: 170, render: (_v, r) => <StateCell s={r.drill} testId="compliance-drill" /> },
    { title: '安全培训', key: 'training', width: 170, render: (_v, r) => <StateCell s={r.training} testId="compliance-training" /> },
    { title: '本期截止', key: 'due', width: 110, render: (_v, r) => dueOf(r) ?? '—' },
  ];
  return <ListTable {...p} columns={columns} scrollX={820} emptyText={EMPTY} unit="家" testId="compliance-table" />;
}

export function ComplianceCards(p: PagedViewProps<ComplianceRow>) {
  return (
    <CardList
      {...p}
      unit="家"
      emptyText={EMPTY}
      testId="compliance-cards"
      renderItem={(r) => (
        <Link key={r.id} to={paths.enterprises.detail(r.enterprise.id)} className="card-link" data-testid="compliance-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}>
              <strong>{r.enterprise.name}</strong>
              {r.enterprise.isHighRisk && <Tag color="volcano" style={{ marginInlineEnd: 0 }}>高危</Tag>}
            </Flex>
            <Flex gap={12} wrap style={{ marginTop: 6 }}>
              <span>演练 <ComplianceTag status={r.drill.status} /></span>
              <span>培训 <ComplianceTag status={r.training.status} /></span>
            </Flex>
            <div className="card-meta">{r.enterprise.villageName}{dueOf(r) ? ` · 本期截止 ${dueOf(r)}` : ''}</div>
          </Card>
        </Link>
      )}
    />
  );
}
