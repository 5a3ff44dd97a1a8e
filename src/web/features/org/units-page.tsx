import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Popconfirm, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { type Key, useMemo, useState } from 'react';
import type { TUnit } from '../../../contract/org.ts';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../domain/access/roles.ts';
import { useSectors } from '../../reference-data/list-sectors.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { ActiveTag } from '../../components/status-tags.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useUpdateUnit } from './api/update-unit.ts';
import { PARENT_KINDS, UnitModal, type UnitModalState } from './components/unit-modal.tsx';

type UnitNode = TUnit & { children?: UnitNode[] };

const KIND_ORDER: Record<UnitKind, number> = { district: 0, township: 1, village: 2, department: 3 };
const KIND_COLORS: Record<UnitKind, string> = { district: 'geekblue', township: 'blue', village: 'green', department: 'purple' };
/** Short kind names for the tree's tags (the full names are in UNIT_KIND_LABELS). */
const KIND_SHORT: Record<UnitKind, string> = { district: '区县', township: '镇街', village: '村社区', department: '部门' };

/** District → townships → villages, with each region's departments under it. */
export function buildUnitTree(units: TUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children!.push(node);
    else roots.push(node);
  }
  const tidy = (list: UnitNode[]): UnitNode[] => {
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) {
      if (n.children?.length) tidy(n.children);
      else delete n.children;
    }
    return list;
  };
  return tidy(roots);
}

const childKinds = (kind: UnitKind) =>
  (Object.keys(PARENT_KINDS) as (keyof typeof PARENT_KINDS)[]).filter((k) => PARENT_KINDS[k].includes(kind));

export function UnitsPage() {
  const units = useUnits({ includeInactive: 'true' });
  const sectors = useSectors({ includeInactive: 'true' });
  const update = useUpdateUnit();
  const { message } = App.useApp();
  const [modal, setModal] = useState<UnitModalState>(null);

  const all = useMemo(() => units.data?.items ?? [], [units.data]);
  const tree = useMemo(() => buildUnitTree(all), [all]);
  const sectorName = useMemo(() => new Map((sectors.data?.items ?? []).map((s) => [s.id, s.name])), [sectors.data]);
  const expandable = useMemo(() => all.filter((u) => u.kind === 'district' || u.kind === 'township').map((u) => u.id), [all]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  const setActive = (u: TUnit, active: boolean) =>
    update.mutate(
      { id: u.id, body: { active, version: u.version } },
      {
        onSuccess: () => void message.success(active ? '已启用' : '已停用'),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  const columns: TableProps<UnitNode>['columns'] = [
    {
      title: '名称',
      dataIndex: 'name',
      key: 'name',
      width: 340,
      render: (_v, u) => (
        <span className="nowrap">
          <Tag color={KIND_COLORS[u.kind]} title={UNIT_KIND_LABELS[u.kind]}>{KIND_SHORT[u.kind]}</Tag>
          <span style={{ color: u.active ? undefined : 'rgba(0,0,0,.45)' }}>{u.name}</span>
          {u.kind === 'district' && (
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }} data-testid="unit-code-shown">
              {u.code ? <>隐患编号前缀 <span className="mono">{u.code}</span></> : '未设置隐患编号前缀'}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '监管的行业领域',
      key: 'sectors',
      width: 280,
      render: (_v, u) =>
        u.kind === 'department'
          ? u.sectorIds.length
            ? <Space size={[0, 4]} wrap>{u.sectorIds.map((id) => <Tag key={id}>{sectorName.get(id) ?? '…'}</Tag>)}</Space>
            : <span className="text-muted">未设置</span>
          : null,
    },
    { title: '排序', dataIndex: 'sortOrder', key: 'sortOrder', width: 70, align: 'right', responsive: ['md'] },
    { title: '状态', key: 'active', width: 90, render: (_v, u) => <ActiveTag active={u.active} /> },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_v, u) => {
        const kinds = childKinds(u.kind);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', unit: u })}>编辑</Button>
            {u.active && kinds.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: kinds.map((k) => ({ key: k, label: `新增${UNIT_KIND_LABELS[k]}` })),
                  onClick: ({ key }) => setModal({ mode: 'create', kind: key as (typeof kinds)[number], parentId: u.id }),
                }}
              >
                <Button type="link" size="small">新增下级</Button>
              </Dropdown>
            )}
            {u.kind !== 'district' &&
              (u.active ? (
                <Popconfirm
                  title={`停用「${u.name}」？`}
                  description="停用后不能再选择该单元，已有记录保留。"
                  okText="停用"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => setActive(u, false)}
                >
                  <Button type="link" size="small" danger>停用</Button>
                </Popconfirm>
              ) : (
                <Button type="link" size="small" onClick={() => setActive(u, true)}>启用</Button>
              ))}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title="组织机构"
      subTitle="区/县 → 镇/街道 → 村/社区，以及各级科室/站所"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })} data-testid="unit-create">
          新增
        </Button>
      }
    >
      {units.isError ? (
        <ErrorDisplay error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Card size="small">
          <Table<UnitNode>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tree}
            loading={units.isLoading}
            pagination={false}
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowKeys: expanded ?? expandable,
              onExpandedRowsChange: (keys) => setExpanded(keys),
            }}
            data-testid="units-table"
          />
        </Card>
      )}
      <UnitModal state={modal} units={all} sectors={sectors.data?.items ?? []} onClose={() => setModal(null)} />
    </PageContainer>
  );
}
