// The campaign's task list: search and group filter; for the office 导入清单, 添加, 修改, 作废 and
// moving a row up or down (when the whole list is shown unfiltered).
import { ArrowDownOutlined, ArrowUpOutlined, ImportOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { TCampaignTask } from '../../../../contract/campaigns.ts';
import { SearchBox } from '../../../components/search-box.tsx';
import { errorMessage } from '../../../lib/api.ts';
import type { CampaignDetailData } from '../api/keys.ts';
import { useReorderTasks, useTasks, useVoidTask } from '../api/tasks.ts';
import { AnnexImportModal } from './annex-import-modal.tsx';
import { TaskFormModal } from './task-form-modal.tsx';

const PAGE_SIZE = 100;

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

  const columns: TableProps<TCampaignTask>['columns'] = [
    { title: '序号', dataIndex: 'number', key: 'number', width: 60 },
    {
      title: '专项行动 / 行动任务', key: 'group', width: 220,
      render: (_v, t) => <Flex vertical gap={2}><span>{t.groupName}</span><Typography.Text type="secondary" ellipsis={{ tooltip: t.action }} style={{ maxWidth: 200 }}>{t.action}</Typography.Text></Flex>,
    },
    { title: '工作要求', dataIndex: 'requirement', key: 'requirement' },
    {
      title: '责任单位', key: 'units', width: 180,
      render: (_v, t) => t.units.length > 4 ? <Tooltip title={t.units.map((u) => u.name).join('、')}><span>{t.unitsText || `${t.units.length} 个单位`}（{t.units.length}）</span></Tooltip>
        : <Flex gap={4} wrap>{t.units.map((u) => <Tag key={u.id} color={u.lead ? undefined : 'default'}>{u.name}{u.lead ? '' : '（配合）'}</Tag>)}</Flex>,
    },
    {
      title: '时限要求', key: 'deadline', width: 170,
      render: (_v, t) => (
        <Flex vertical gap={2}>
          <span>{t.deadlineText}</span>
          <Typography.Text type={t.deadline.kind === 'unread' ? 'danger' : 'secondary'}>
            {t.deadline.kind === 'unread' && <WarningOutlined />} {t.deadline.label}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(keeps ? [{
      title: '操作', key: 'ops', width: 150, fixed: 'right' as const,
      render: (_v: unknown, t: TCampaignTask, i: number) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(t)}>修改</Button>
          <Button type="link" size="small" danger onClick={() => askVoid(t)}>作废</Button>
          {canMove && <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)} />}
          {canMove && <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === items.length - 1} onClick={() => move(i, 1)} />}
        </Space>
      ),
    }] : []),
  ];

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
      <Table<TCampaignTask>
        rowKey="id" size="small" dataSource={items} loading={tasks.isFetching} columns={columns} scroll={{ x: 960 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: tasks.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 项任务`, hideOnSinglePage: true }}
        locale={{ emptyText: keeps ? '还没有任务：导入方案附件中的工作清单，或逐项添加' : '还没有任务' }}
        data-testid="task-table"
      />
      {editing && <TaskFormModal campaign={campaign} task={editing === 'new' ? undefined : editing} open onClose={() => setEditing(null)} />}
      {importing && <AnnexImportModal campaign={campaign} open onClose={() => setImporting(false)} />}
    </Flex>
  );
}
