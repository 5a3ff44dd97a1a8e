// 判定依据: the district's list of criteria (standard and clause) offered when a hazard is
// reported as major, per sector or 通用. Retired ones stay on record and can be restored.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Popconfirm, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { ActiveTag } from '../../components/status-tags.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCan } from '../../lib/abilities.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { useSectors } from '../../reference-data/list-sectors.ts';
import type { Criterion } from './api/keys.ts';
import { useCriteriaList } from './api/list-criteria.ts';
import { useUpdateCriterion } from './api/update-criterion.ts';
import { CriterionModal, type CriterionModalState, GENERAL } from './components/criterion-modal.tsx';

const STEP = 10;
const ALL = '__all__';

export function CriteriaPage() {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const can = useCan();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [sectorFilter, setSectorFilter] = useState<string>(ALL);
  const [modal, setModal] = useState<CriterionModalState>(null);
  const list = useCriteriaList(includeInactive);
  const sectors = useSectors({ includeInactive: 'true' });
  const update = useUpdateCriterion();

  const sectorName = useMemo(() => new Map((sectors.data?.items ?? []).map((s) => [s.id, s.name])), [sectors.data]);
  const all = list.data?.items ?? [];
  const shown = all.filter((c) => sectorFilter === ALL || (sectorFilter === GENERAL ? c.sectorId === null : c.sectorId === sectorFilter));

  if (!can('manage:hazard_criteria')) return <NoAccess text="只有管理员和安委办可以维护判定依据" />;

  const setActive = (c: Criterion, active: boolean) =>
    update.mutate(
      { id: c.id, body: { active, version: c.version } },
      {
        onSuccess: () => void message.success(active ? '已恢复' : '已停用'),
        onError: (e) =>
          void (isApiError(e, 'CONFLICT')
            ? message.warning('该判定依据已被他人修改，列表已更新，请核对后重试')
            : message.error(errorMessage(e))),
      },
    );

  const sectorTag = (c: Criterion) =>
    c.sectorId ? <Tag style={{ marginInlineEnd: 0 }}>{sectorName.get(c.sectorId) ?? '…'}</Tag> : <Tag color="blue" style={{ marginInlineEnd: 0 }}>通用</Tag>;

  const columns: TableProps<Criterion>['columns'] = [
    {
      title: '判定依据',
      key: 'text',
      render: (_v, c) => (
        <div style={{ color: c.active ? undefined : 'rgba(0,0,0,.45)' }}>
          <div className="pre-wrap">{c.text}</div>
          {isMobile && (
            <Space size={4} wrap style={{ marginTop: 4 }}>
              {sectorTag(c)}
              <ActiveTag active={c.active} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>排序 {c.sortOrder}</Typography.Text>
            </Space>
          )}
        </div>
      ),
    },
    ...(isMobile
      ? []
      : [
          { title: '行业领域', key: 'sector', width: 160, render: (_v: unknown, c: Criterion) => sectorTag(c) },
          { title: '排序号', dataIndex: 'sortOrder', key: 'sortOrder', width: 80, align: 'right' as const },
        ]),
    ...(isMobile ? [] : [{ title: '状态', key: 'active', width: 90, render: (_v: unknown, c: Criterion) => <ActiveTag active={c.active} /> }]),
    {
      title: '操作',
      key: 'actions',
      width: isMobile ? 72 : 130,
      render: (_v, c) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', criterion: c })} data-testid="criterion-edit">修改</Button>
          {c.active ? (
            <Popconfirm
              title="停用这条判定依据？"
              description="停用后报告重大隐患时不再列出，已填写的隐患不受影响。"
              okText="停用"
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(c, false)}
            >
              <Button type="link" size="small" danger data-testid="criterion-retire">停用</Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(c, true)} data-testid="criterion-restore">恢复</Button>
          )}
        </Space>
      ),
    },
  ];

  const nextSortOrder = all.reduce((m, c) => Math.max(m, c.sortOrder), 0) + STEP;
  const activeSectors = (sectors.data?.items ?? []).filter((s) => s.active || all.some((c) => c.sectorId === s.id));

  return (
    <PageContainer
      title="判定依据"
      subTitle="报告重大隐患时可选的判定依据（标准名称及条款）"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setModal({ mode: 'create', nextSortOrder, sectorId: sectorFilter === ALL || sectorFilter === GENERAL ? null : sectorFilter })}
          data-testid="criterion-create"
        >
          新增
        </Button>
      }
    >
      <Card size="small" className="filter-card">
        <Flex gap={12} wrap align="center">
          <Select
            value={sectorFilter}
            onChange={setSectorFilter}
            options={[
              { value: ALL, label: '全部行业领域' },
              { value: GENERAL, label: '通用' },
              ...activeSectors.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}（已停用）` })),
            ]}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            aria-label="行业领域"
            data-testid="criteria-filter-sector"
          />
          <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} data-testid="criteria-include-inactive">
            显示已停用
          </Checkbox>
          <Typography.Text type="secondary">共 {shown.length} 条</Typography.Text>
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Criterion>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            loading={list.isFetching}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            rowClassName={(c) => (c.active ? '' : 'row-voided')}
            locale={{ emptyText: includeInactive ? '还没有判定依据' : '没有启用的判定依据' }}
            data-testid="criteria-table"
          />
        </Card>
      )}
      <CriterionModal state={modal} sectors={sectors.data?.items ?? []} onClose={() => setModal(null)} />
    </PageContainer>
  );
}
