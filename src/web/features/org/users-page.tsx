import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, type TableProps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TUser } from '../../../contract/org.ts';
import { ROLES, ROLE_LABELS, UNIT_KIND_LABELS } from '../../../domain/access/roles.ts';
import { LEADER_POST_LABELS } from '../../../domain/supervision/leadership.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { filterSelect } from '../../components/list-filters.tsx';
import { ListTable } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type SearchPatch, enumParam, intParam, pagePatch, uuidParam, useSearchState } from '../../lib/search-params.ts';
import type { UserListQuery } from './api/keys.ts';
import { useUsers } from './api/list-users.ts';
import { useUnlockUser } from './api/unlock-user.ts';
import { useResetTotp } from './api/reset-totp.ts';
import { ResetPasswordModal } from './components/reset-password-modal.tsx';
import { UserModal, type UserModalState } from './components/user-modal.tsx';

const DEFAULT_PAGE_SIZE = 20;

export function UsersPage() {
  const { values, update, reset } = useSearchState();
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
  const resetTotp = useResetTotp();
  const { message } = App.useApp();
  const [modal, setModal] = useState<UserModalState>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);

  const unitItems = useMemo(() => units.data?.items ?? [], [units.data]);
  const unitOptions = useMemo(
    () => unitItems.map((u) => ({ value: u.id, label: `${u.name}（${UNIT_KIND_LABELS[u.kind]}）` })),
    [unitItems],
  );
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const filterCount = [values.role, values.unitId].filter(Boolean).length;

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
    {
      title: '角色', key: 'role', width: 140,
      render: (_v, u) => (
        <div>
          <div>{ROLE_LABELS[u.role]}</div>
          {u.leaderPost && <Typography.Text type="secondary">{LEADER_POST_LABELS[u.leaderPost]}</Typography.Text>}
        </div>
      ),
    },
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
          {u.lockedAddresses > 0 && <Tag color="red">{u.lockedAddresses > 1 ? `${u.lockedAddresses}个地址已锁定` : '已锁定'}</Tag>}
          {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
          {u.totpEnabled && <Tag color="green">双因素</Tag>}
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
          {u.totpEnabled && (
            <Popconfirm
              title={`重置「${u.displayName}」的双因素认证？`}
              description="用于手机丢失且恢复码用完时：该账号的动态验证码和恢复码作废、全部会话结束，此后凭密码登录（本区要求启用的须重新绑定）"
              okText="重置"
              onConfirm={() =>
                resetTotp.mutate(u.id, {
                  onSuccess: () => void message.success('已重置双因素认证'),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            >
              <Button type="link" size="small" data-testid="user-reset-totp">重置双因素</Button>
            </Popconfirm>
          )}
          {u.lockedAddresses > 0 && (
            <Popconfirm
              title={`解除「${u.displayName}」的全部登录锁定？`}
              description="该账号在各个网络地址的锁定和限速将一并解除"
              okText="解锁"
              onConfirm={() =>
                unlock.mutate({ id: u.id }, {
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
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="用户名、姓名或手机号" testId="user-search" />}
        filterCount={filterCount}
        filters={(vertical) => {
          const select = filterSelect({ values, onChange: setFilter, vertical }, { width: 150, testIdPrefix: 'user-filter-' });
          return (
            <Flex gap={8} wrap vertical={vertical} className="filters">
              {select('role', '角色', ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })))}
              {select('unitId', '所在单位', unitOptions, { showSearch: { optionFilterProp: 'label' }, loading: units.isLoading, width: 220 })}
            </Flex>
          );
        }}
        showClear={filterCount > 0 || !!values.q}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      {users.isError ? (
        <ErrorDisplay error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <ListTable
          items={users.data?.items ?? []}
          loading={users.isFetching}
          page={query.page as number}
          pageSize={query.pageSize as number}
          total={users.data?.total ?? 0}
          onPageChange={(page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE))}
          columns={columns}
          scrollX={1380}
          emptyText="没有符合条件的用户"
          unit="个用户"
          testId="users-table"
        />
      )}
      <UserModal state={modal} units={unitItems} onClose={() => setModal(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
