import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TUser } from '../../../contract/org.ts';
import { ROLES, ROLE_LABELS, UNIT_KIND_LABELS } from '../../../domain/roles.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { tablePagination } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, isFuture } from '../../lib/format.ts';
import { enumParam, intParam, pagePatch, uuidParam, useSearchState } from '../../lib/search-params.ts';
import type { UserListQuery } from './api/keys.ts';
import { useUsers } from './api/list-users.ts';
import { useUnlockUser } from './api/unlock-user.ts';
import { ResetPasswordModal } from './components/reset-password-modal.tsx';
import { UserModal, type UserModalState } from './components/user-modal.tsx';

const DEFAULT_PAGE_SIZE = 20;

function SearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      placeholder="用户名、姓名或手机号"
      allowClear
      enterButton
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      className="filter-search"
      data-testid="user-search"
    />
  );
}

export function UsersPage() {
  const { values, update } = useSearchState();
  const query: UserListQuery = {
    q: values.q?.trim() || undefined,
    role: enumParam(values.role, ROLES),
    unitId: uuidParam(values.unitId),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const users = useUsers(query);
  const units = useUnits({});
  const unlock = useUnlockUser();
  const { message } = App.useApp();
  const [modal, setModal] = useState<UserModalState>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);

  const unitItems = useMemo(() => units.data?.items ?? [], [units.data]);
  const unitOptions = useMemo(
    () => unitItems.map((u) => ({ value: u.id, label: `${u.name}（${UNIT_KIND_LABELS[u.kind]}）` })),
    [unitItems],
  );
  const setFilter = (patch: Record<string, string | undefined>) => update(patch, { resetPage: true });

  const columns: TableProps<TUser>['columns'] = [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      width: 140,
      fixed: 'left',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 110 },
    { title: '角色', key: 'role', width: 120, render: (_v, u) => ROLE_LABELS[u.role] },
    {
      title: '所在单位',
      key: 'unit',
      width: 200,
      render: (_v, u) => (
        <div>
          <div>{u.unitName}</div>
          {u.enterpriseName && <Typography.Text type="secondary">{u.enterpriseName}</Typography.Text>}
        </div>
      ),
    },
    { title: '手机号', dataIndex: 'phone', key: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: '行政执法证号',
      dataIndex: 'enforcementCertificateNo',
      key: 'enforcementCertificateNo',
      width: 150,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_v, u) => (
        <Space size={[0, 4]} wrap>
          {u.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
          {isFuture(u.lockedUntil) && <Tag color="red">已锁定</Tag>}
          {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
        </Space>
      ),
    },
    { title: '最后登录', key: 'lastLoginAt', width: 170, render: (_v, u) => formatDateTime(u.lastLoginAt) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', user: u })} data-testid="user-edit">编辑</Button>
          <Button type="link" size="small" onClick={() => setResetting(u)} data-testid="user-reset-password">重置密码</Button>
          {isFuture(u.lockedUntil) && (
            <Popconfirm
              title={`解除「${u.displayName}」的锁定？`}
              description={`锁定至 ${formatDateTime(u.lockedUntil)}`}
              okText="解锁"
              onConfirm={() =>
                unlock.mutate(u.id, {
                  onSuccess: () => void message.success('已解锁'),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            >
              <Button type="link" size="small" data-testid="user-unlock">解锁</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })} data-testid="user-create">
          新增用户
        </Button>
      }
    >
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap>
          <SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} />
          <Select
            allowClear
            placeholder="角色"
            value={query.role}
            onChange={(v: string | undefined) => setFilter({ role: v })}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            style={{ width: 150 }}
            data-testid="user-filter-role"
          />
          <Select
            allowClear
            placeholder="所在单位"
            value={query.unitId}
            onChange={(v: string | undefined) => setFilter({ unitId: v })}
            options={unitOptions}
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="user-filter-unit"
          />
        </Flex>
      </Card>
      {users.isError ? (
        <ErrorDisplay error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Card size="small">
          <Table<TUser>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            scroll={{ x: 1380 }}
            pagination={tablePagination({
              page: query.page as number,
              pageSize: query.pageSize as number,
              total: users.data?.total ?? 0,
              unit: '个用户',
              onChange: (page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE)),
            })}
            data-testid="users-table"
          />
        </Card>
      )}
      <UserModal state={modal} units={unitItems} onClose={() => setModal(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
