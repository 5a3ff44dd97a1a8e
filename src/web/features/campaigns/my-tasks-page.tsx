// /my-tasks: what the user's unit owes in the campaigns it takes part in, the most urgent first
// (overdue, then by due date); a phone shows cards. Each opens the occurrence to 签收 and report.
import { Card, Empty, Flex, Segmented, Tag, Typography, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { TOccurrenceItem } from '../../../contract/campaign-progress.ts';
import { dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { paths } from '../../app/paths.ts';
import { CardList, ListTable, PagedResults } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { useMyOccurrences } from './api/progress.ts';
import { OCCURRENCE_STATE_COLORS, OCCURRENCE_STATE_LABELS, taskNo } from './components/labels.ts';

const VIEWS = [{ value: 'owed', label: '待报送' }, { value: 'submitted', label: '待确认' }, { value: 'all', label: '全部' }];
const LIGHT_COLORS = { red: '#a8071a', yellow: '#ad6800', green: '#237804' } as const;

function DueText({ o, today }: { o: TOccurrenceItem; today: string }) {
  const owed = o.state === 'not_reported' || o.state === 'returned';
  return <span style={{ color: owed ? LIGHT_COLORS[lightOf(o.due, today)] : undefined }}>{o.due}{owed ? `（${dueWords(o.due, today)}）` : ''}</span>;
}

/** The 序号 apart from the requirement, which often starts with its own number ("1.抓好…"). */
function Requirement({ o }: { o: TOccurrenceItem }) {
  return <>{o.taskNumber && <Typography.Text type="secondary">{taskNo(o.taskNumber)} </Typography.Text>}{o.requirement}</>;
}

function StateTags({ o }: { o: TOccurrenceItem }) {
  return <><Tag color={OCCURRENCE_STATE_COLORS[o.state]}>{OCCURRENCE_STATE_LABELS[o.state]}</Tag>{!o.acknowledged && <Tag>待签收</Tag>}{o.urges > 0 && <Tag color="error">催办{o.urges}</Tag>}</>;
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
    { title: '时限', key: 'due', width: 200, render: (_v, o) => <DueText o={o} today={today} /> },
    { title: '工作要求', key: 'req', render: (_v, o) => <Link to={paths.campaigns.occurrence(o.key)}><Requirement o={o} /></Link> },
    { title: '专项行动', dataIndex: 'campaignName', key: 'campaign', width: 220 },
    { title: '状态', key: 'state', width: 150, render: (_v, o) => <Flex gap={4} wrap><StateTags o={o} /></Flex> },
  ];
  const words = view === 'owed' ? '本单位没有待报送的任务' : view === 'submitted' ? '本单位没有等待确认的报送' : '本单位没有专项行动任务';
  // Only the unit's own tasks are here: the way on to the campaigns themselves (and their 落实情况).
  const empty = <Empty description={words}><Link to={paths.campaigns.list}>查看专项行动</Link></Empty>;

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
                <Typography.Text strong><Requirement o={o} /></Typography.Text>
                <Typography.Text type="secondary">{o.campaignName}</Typography.Text>
                <Flex gap={4} wrap align="center"><DueText o={o} today={today} /><StateTags o={o} /></Flex>
              </Flex>
            </Card>
          )} />
        )}
      />
    </PageContainer>
  );
}
