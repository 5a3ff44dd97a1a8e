import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { TSector } from '../../../contract/org.ts';
import { useSectors } from '../../reference-data/list-sectors.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { ActiveTag } from '../../components/status-tags.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useUpdateSector, useUpdateSectors } from './api/update-sector.ts';
import { SectorModal, type SectorModalState } from './components/sector-modal.tsx';

const STEP = 10;

/** The updates that put `list` in order after moving item `from` to position `to`. */
export function reorderUpdates(list: TSector[], from: number, to: number) {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (!moved) return [];
  next.splice(to, 0, moved);
  return next
    .map((s, i) => ({ s, sortOrder: (i + 1) * STEP }))
    .filter(({ s, sortOrder }) => s.sortOrder !== sortOrder)
    .map(({ s, sortOrder }) => ({ id: s.id, body: { sortOrder, version: s.version } }));
}

export function SectorsPage() {
  const sectors = useSectors({ includeInactive: 'true' });
  const update = useUpdateSector();
  const reorder = useUpdateSectors();
  const { message } = App.useApp();
  const [modal, setModal] = useState<SectorModalState>(null);

  const list = useMemo(
    () => [...(sectors.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN')),
    [sectors.data],
  );

  const move = (index: number, delta: -1 | 1) =>
    reorder.mutate(reorderUpdates(list, index, index + delta), {
      onError: (e) => void message.error(`调整顺序失败：${errorMessage(e)}`),
    });

  const setActive = (s: TSector, active: boolean) =>
    update.mutate(
      { id: s.id, body: { active, version: s.version } },
      {
        onSuccess: () => void message.success(active ? '已启用' : '已停用'),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  const busy = reorder.isPending || sectors.isFetching;
  const columns: TableProps<TSector>['columns'] = [
    { title: '序号', key: 'index', width: 64, render: (_v, _s, i) => i + 1, responsive: ['md'] },
    { title: '行业领域', dataIndex: 'name', key: 'name' },
    { title: '排序号', dataIndex: 'sortOrder', key: 'sortOrder', width: 90, align: 'right', responsive: ['md'] },
    { title: '状态', key: 'active', width: 90, render: (_v, s) => <ActiveTag active={s.active} /> },
    {
      title: '操作',
      key: 'actions',
      width: 210,
      render: (_v, s, i) => (
        <Space size={0} wrap>
          <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0 || busy} onClick={() => move(i, -1)} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === list.length - 1 || busy} onClick={() => move(i, 1)} />
          <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', sector: s })}>修改</Button>
          {s.active ? (
            <Popconfirm
              title={`停用「${s.name}」？`}
              description="停用后新增单位时不能再选择，已有记录保留。"
              okText="停用"
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(s, false)}
            >
              <Button type="link" size="small" danger>停用</Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(s, true)}>启用</Button>
          )}
        </Space>
      ),
    },
  ];

  const nextSortOrder = (list.reduce((m, s) => Math.max(m, s.sortOrder), 0) || 0) + STEP;
  return (
    <PageContainer
      title="行业领域"
      subTitle="科室/站所按行业领域监管生产经营单位"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create', nextSortOrder })} data-testid="sector-create">
          新增
        </Button>
      }
    >
      {sectors.isError ? (
        <ErrorDisplay error={sectors.error} onRetry={() => void sectors.refetch()} />
      ) : (
        <Card size="small">
          <Table<TSector>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list}
            loading={sectors.isLoading || reorder.isPending}
            pagination={false}
            scroll={{ x: 440 }}
            data-testid="sectors-table"
          />
        </Card>
      )}
      <SectorModal state={modal} onClose={() => setModal(null)} />
    </PageContainer>
  );
}
