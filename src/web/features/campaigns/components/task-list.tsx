// The campaign's task list: search and group filter; for the office 导入清单, 添加, 修改, 作废 and
// moving a row up or down (when the whole list is shown unfiltered).
import { ArrowDownOutlined, ArrowUpOutlined, ImportOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Pagination, Select, Space, Spin, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { type ReactNode, useState } from 'react';
import type { TCampaignTask } from '../../../../contract/campaigns.ts';
import { SearchBox } from '../../../components/search-box.tsx';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { errorMessage } from '../../../lib/api.ts';
import type { CampaignDetailData } from '../api/keys.ts';
import { useReorderTasks, useTasks, useVoidTask } from '../api/tasks.ts';
import { AnnexImportModal } from './annex-import-modal.tsx';
import { deadlineLines, taskNo } from './labels.ts';
import { TaskFormModal } from './task-form-modal.tsx';

const PAGE_SIZE = 100;

function Units({ t }: { t: TCampaignTask }) {
  return t.units.length > 4 ? <Tooltip title={t.units.map((u) => u.name).join('、')}><span>{t.unitsText || `${t.units.length} 个单位`}（{t.units.length}）</span></Tooltip>
    : <Flex gap={4} wrap>{t.units.map((u) => <Tag key={u.id}>{u.name}{u.lead ? '' : '（配合）'}</Tag>)}</Flex>;
}

function Deadline({ t }: { t: TCampaignTask }) {
  const unread = t.deadline.kind === 'unread';
  const { main, reading } = deadlineLines(t.deadlineText, t.deadline.label);
  return (
    <Flex vertical gap={2}>
      <span>{main}</span>
      {reading && <Typography.Text type={unread ? 'danger' : 'secondary'}>{unread && <WarningOutlined />} {reading}</Typography.Text>}
    </Flex>
  );
}

export function TaskList({ campaign }: { campaign: CampaignDetailData }) {
  const [q, setQ] = useState<string>();
  const [group, setGroup] = useState<string>();
  const [page, setPage] = useState(1);
  const tasks = useTasks(campaign.id, { q, group, page, pageSize: PAGE_SIZE });
  const reorder = useReorderTasks(campaign.id);
  const voider = useVoidTask(campaign.id);
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<TCampaignTask | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const keeps = campaign.allowedActions.includes('edit_tasks');
  const items = tasks.data?.items ?? [];
  const canMove = keeps && !q && !group && (tasks.data?.total ?? 0) <= PAGE_SIZE;
  const isMobile = useIsMobile();

  const move = (i: number, by: -1 | 1) => {
    const ids = items.map((t) => t.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    reorder.mutate(ids, { onError: (e) => void message.error(errorMessage(e)) });
  };
  const askVoid = (t: TCampaignTask) => {
    let reason = '';
    modal.confirm({
      title: `作废任务 ${t.number}`, okText: '作废', cancelText: '取消', okButtonProps: { danger: true },
      content: <Input.TextArea rows={2} maxLength={500} placeholder="作废原因（至少2个字）" onChange={(e) => { reason = e.target.value; }} />,
      onOk: () => new Promise<void>((resolve, reject) => voider.mutate({ taskId: t.id, reason, version: t.version }, {
        onSuccess: () => resolve(),
        onError: (e) => { void message.error(errorMessage(e)); reject(e); },
      })),
    });
  };

  const ops = (t: TCampaignTask, i: number) => (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => setEditing(t)}>修改</Button>
      <Button type="link" size="small" danger onClick={() => askVoid(t)}>作废</Button>
      {canMove && <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)} />}
      {canMove && <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === items.length - 1} onClick={() => move(i, 1)} />}
    </Space>
  );
  const columns: TableProps<TCampaignTask>['columns'] = [
    { title: '序号', dataIndex: 'number', key: 'number', width: 60 },
    {
      title: '专项行动 / 行动任务', key: 'group', width: 220,
      render: (_v, t) => <Flex vertical gap={2}><span>{t.groupName}</span><Typography.Text type="secondary" ellipsis={{ tooltip: t.action }} style={{ maxWidth: 200 }}>{t.action}</Typography.Text></Flex>,
    },
    { title: '工作要求', dataIndex: 'requirement', key: 'requirement' },
    { title: '责任单位', key: 'units', width: 180, render: (_v, t) => <Units t={t} /> },
    { title: '时限要求', key: 'deadline', width: 180, render: (_v, t) => <Deadline t={t} /> },
    ...(keeps ? [{ title: '操作', key: 'ops', width: canMove ? 180 : 120, fixed: 'right' as const, render: (_v: unknown, t: TCampaignTask, i: number) => ops(t, i) }] : []),
  ];
  const emptyText = keeps ? '还没有任务：导入方案附件中的工作清单，或逐项添加' : '还没有任务';
  const total = tasks.data?.total ?? 0;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <SearchBox value={q} onSearch={(v) => { setQ(v || undefined); setPage(1); }} placeholder="工作要求、单位、序号" testId="task-search" />
          <Select allowClear placeholder="专项行动（分组）" aria-label="专项行动（分组）" style={{ width: 240 }} value={group}
            options={(tasks.data?.groups ?? []).map((g) => ({ value: g, label: g }))} onChange={(v?: string) => { setGroup(v); setPage(1); }} />
        </Flex>
        {keeps && (
          <Flex gap={8}>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="task-import">导入清单</Button>
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="task-add">添加任务</Button>
          </Flex>
        )}
      </Flex>
      {isMobile ? (
        <TaskCards loading={tasks.isFetching} empty={emptyText} page={page} total={total} onPage={setPage}>
          {items.map((t, i) => (
            <Card key={t.id} size="small" data-testid="task-card">
              <Flex vertical gap={6}>
                <Typography.Text type="secondary">{[taskNo(t.number), t.groupName].filter(Boolean).join(' · ')}</Typography.Text>
                <Typography.Text strong>{t.requirement}</Typography.Text>
                <Units t={t} />
                <Deadline t={t} />
                {keeps && <div style={{ marginLeft: -8 }}>{ops(t, i)}</div>}
              </Flex>
            </Card>
          ))}
        </TaskCards>
      ) : (
        <Table<TCampaignTask>
          rowKey="id" size="small" dataSource={items} loading={tasks.isFetching} columns={columns} scroll={{ x: 960 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showTotal: (n) => `共 ${n} 项任务`, hideOnSinglePage: true }}
          locale={{ emptyText }}
          data-testid="task-table"
        />
      )}
      {editing && <TaskFormModal campaign={campaign} task={editing === 'new' ? undefined : editing} open onClose={() => setEditing(null)} />}
      {importing && <AnnexImportModal campaign={campaign} open onClose={() => setImporting(false)} />}
    </Flex>
  );
}

/** The phone's task list: one card a task (the table's columns do not fit 375 px), paged like the table. */
function TaskCards({ loading, empty, page, total, onPage, children }: { loading: boolean; empty: string; page: number; total: number; onPage: (p: number) => void; children: ReactNode[] }) {
  if (!loading && children.length === 0) return <Empty description={empty} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="task-cards">{children}</Flex>
      {total > PAGE_SIZE && <Flex justify="center" style={{ marginTop: 12 }}><Pagination simple current={page} pageSize={PAGE_SIZE} total={total} onChange={onPage} /></Flex>}
    </Spin>
  );
}
