// 登录锁定: the accounts locked now at one network address (too many wrong passwords from there),
// for the admins who manage them, with a button that lifts one lock.
import { App, Button, Card, Flex, Popconfirm, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import type { TLoginLock } from '../../../contract/org.ts';
import { paths } from '../../app/paths.ts';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import type { LoginLockListQuery } from './api/keys.ts';
import { useLoginLocks } from './api/list-login-locks.ts';
import { useUnlockUser } from './api/unlock-user.ts';

const DEFAULT_PAGE_SIZE = 20;
const EMPTY = '当前没有被锁定的账号';

function UnlockButton({ lock }: { lock: TLoginLock }) {
  const unlock = useUnlockUser();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={`解除「${lock.displayName}」在 ${lock.address} 的锁定？`}
      description="解除后该账号可立即从这个地址登录；此操作记入审计日志"
      okText="解除"
      onConfirm={() =>
        unlock.mutate(
          { id: lock.userId, address: lock.address },
          { onSuccess: () => void message.success('已解除锁定'), onError: (e) => void message.error(errorMessage(e)) },
        )
      }
    >
      <Button type="link" size="small" loading={unlock.isPending} data-testid="login-lock-clear" style={{ padding: 0 }}>
        解除锁定
      </Button>
    </Popconfirm>
  );
}

const who = (l: TLoginLock) => (
  <div>
    <div>
      {l.displayName} <Typography.Text type="secondary" className="mono">{l.username}</Typography.Text>
    </div>
    <Typography.Text type="secondary">{l.unitName}</Typography.Text>
  </div>
);

const columns: TableProps<TLoginLock>['columns'] = [
  { title: '账号', key: 'who', width: 220, render: (_v, l) => who(l) },
  { title: '来源地址', key: 'address', width: 150, render: (_v, l) => <span className="mono">{l.address || '未知'}</span> },
  { title: '连续失败', key: 'failures', width: 100, render: (_v, l) => `${l.failures} 次` },
  { title: '最近一次失败', key: 'lastFailureAt', width: 170, render: (_v, l) => <span className="nowrap">{formatDateTime(l.lastFailureAt)}</span> },
  { title: '锁定至', key: 'lockedUntil', width: 170, render: (_v, l) => <span className="nowrap">{formatDateTime(l.lockedUntil)}</span> },
  { title: '自上次登录以来失败', key: 'accountFailures', width: 150, render: (_v, l) => `${l.accountFailures} 次（所有地址）` },
  { title: '操作', key: 'actions', width: 100, fixed: 'right', render: (_v, l) => <UnlockButton lock={l} /> },
];

function LockCards(p: PagedViewProps<TLoginLock>) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      unit="个锁定"
      renderItem={(l) => (
        <Card key={l.id} size="small">
          <Flex justify="space-between" gap={8}>
            {who(l)}
            <UnlockButton lock={l} />
          </Flex>
          <div className="card-meta">来源地址 <span className="mono">{l.address || '未知'}</span> · 连续失败 {l.failures} 次</div>
          <div className="card-meta">锁定至 {formatDateTime(l.lockedUntil)}</div>
        </Card>
      )}
    />
  );
}

export function LoginLocksPage() {
  const { values, update, reset } = useSearchState();
  const query: LoginLockListQuery = {
    q: values.q?.trim().slice(0, 64) || undefined,
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const locks = useLoginLocks(query);
  return (
    <PageContainer
      title="登录锁定"
      subTitle={<>同一网络地址连续输错密码达到次数后，该账号在这个地址被暂时锁定，其他地址不受影响；到期自动解除。解除一个账号的全部锁定请到<Link to={paths.admin.users}>用户管理</Link>。</>}
    >
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap align="center">
          <SearchBox value={query.q} onSearch={(q) => update({ q: q || undefined }, { resetPage: true })} placeholder="用户名、姓名或来源地址" testId="login-lock-search" />
          {query.q && <Button type="link" onClick={() => reset(['pageSize'])}>清除条件</Button>}
        </Flex>
      </Card>
      <PagedResults
        list={locks}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={(page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE))}
        cards={(p) => <LockCards {...p} />}
        table={(p) => <ListTable {...p} columns={columns} scrollX={1060} emptyText={EMPTY} unit="个锁定" testId="login-locks-table" />}
      />
    </PageContainer>
  );
}
