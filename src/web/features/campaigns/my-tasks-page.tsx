// /my-tasks: what the user's unit owes in the campaigns it takes part in, the most urgent first
// (overdue, then by due date); a phone shows cards. Each opens the occurrence to 签收 and report.
import { Card, Flex, Segmented, Tag, Typography, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { TOccurrenceItem } from '../../../contract/campaign-progress.ts';
import { dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { paths } from '../../app/paths.ts';
import { CardList, ListTable, PagedResults } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { useMyOccurrences } from './api/progress.ts';
import { OCCURRENCE_STATE_COLORS, OCCURRENCE_STATE_LABELS } from './components/labels.ts';

const VIEWS = [{ value: 'owed', label: '待报送' }, { value: 'submitted', label: '待确认' }, { value: 'all', label: '全部' }];
const LIGHT_COLORS = { red: '#a8071a', yellow: '#ad6800', green: '#237804' } as const;

function DueText({ o, today }: { o: TOccurrenceItem; today: string }) {
  const owed = o.state === 'not_reported' || o.state === 'returned';
  return <span style={{ color: owed ? LIGHT_COLORS[lightOf(o.due, today)] : undefined }}>{o.due}{owed ? `（${dueWords(o.due, today)}）` : ''}</span>;
}

export function MyTasksPage() {
  const { values, update } = useSearchState();
  const view = values.view === 'submitted' || values.view === 'all' ? values.view : 'owed';
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20, 100);
  const list = useMyOccurrences({ owed: view === 'owed' ? 'true' : undefined, state: view === 'submitted' ? 'submitted' : undefined, page, pageSize });
  const navigate = useNavigate();
  const today = shanghaiDay(new Date());

  const columns: TableProps<TOccurrenceItem>['columns'] = [
    { title: '时限', key: 'due', width: 170, render: (_v, o) => <DueText o={o} today={today} /> },
    { title: '工作要求', key: 'req', render: (_v, o) => <Link to={paths.campaigns.occurrence(o.key)}>{o.taskNumber} {o.requirement}</Link> },
    { title: '专项行动', dataIndex: 'campaignName', key: 'campaign', width: 220 },
    {
      title: '状态', key: 'state', width: 150,
      render: (_v, o) => <Flex gap={4} wrap><Tag color={OCCURRENCE_STATE_COLORS[o.state]}>{OCCURRENCE_STATE_LABELS[o.state]}</Tag>{!o.acknowledged && <Tag>待签收</Tag>}{o.urges > 0 && <Tag color="error">催办{o.urges}</Tag>}</Flex>,
    },
  ];
  const empty = view === 'owed' ? '没有待报送的任务' : view === 'submitted' ? '没有待确认的报送' : '本单位没有专项行动任务';

  return (
    <PageContainer title="我的任务">
      <Card size="small" className="filter-card">
        <Segmented value={view} options={VIEWS} onChange={(v) => update({ view: v === 'owed' ? undefined : String(v) }, { resetPage: true })} />
      </Card>
      <PagedResults
        list={list} page={page} pageSize={pageSize} onPageChange={(p, s) => update(pagePatch(p, s, 20))}
        table={(p) => <ListTable {...p} items={p.items.map((o) => ({ ...o, id: o.key }))} columns={columns as TableProps<TOccurrenceItem & { id: string }>['columns']} scrollX={760} emptyText={empty} unit="项" testId="my-tasks-table" />}
        cards={(p) => (
          <CardList {...p} emptyText={empty} unit="项" testId="my-tasks-cards" renderItem={(o) => (
            <Card key={o.key} size="small" hoverable onClick={() => navigate(paths.campaigns.occurrence(o.key))} data-testid="my-task-card">
              <Flex vertical gap={4}>
                <Typography.Text strong>{o.taskNumber} {o.requirement}</Typography.Text>
                <Typography.Text type="secondary">{o.campaignName}</Typography.Text>
                <Flex gap={4} wrap align="center"><DueText o={o} today={today} /><Tag color={OCCURRENCE_STATE_COLORS[o.state]}>{OCCURRENCE_STATE_LABELS[o.state]}</Tag>{o.urges > 0 && <Tag color="error">催办{o.urges}</Tag>}</Flex>
              </Flex>
            </Card>
          )} />
        )}
      />
    </PageContainer>
  );
}
