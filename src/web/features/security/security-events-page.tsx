// 安全事件: sign-ins and their failures, lockouts, second-factor failures, ended sessions, password
// changes and permission refusals, by kind, account and day; above them the district's settings
// (components/security-settings-card.tsx).
import { Button, Card, Flex, type TableProps, Tag, Typography } from 'antd';
import type { TSecurityEvent } from '../../../contract/security.ts';
import { SECURITY_EVENT_KINDS, SECURITY_EVENT_KIND_LABELS, type SecurityEventKind } from '../../../contract/security.ts';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { userCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type SearchPatch, dateParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { type SecurityEventQuery, useSecurityEvents } from './api/security.ts';
import { SecuritySettingsCard } from './components/security-settings-card.tsx';

const DEFAULT_PAGE_SIZE = 20;
const EMPTY = '没有符合条件的安全事件';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND_COLORS: Partial<Record<SecurityEventKind, string>> = {
  login: 'green', login_failed: 'orange', locked: 'red', totp_failed: 'orange', forbidden: 'red', password_changed: 'blue', second_factor: 'purple', settings_changed: 'geekblue',
};

function Filters(props: FilterPanelProps) {
  const select = filterSelect(props, { width: 170, testIdPrefix: 'security-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('kind', '事件类型', SECURITY_EVENT_KINDS.map((k) => ({ value: k, label: SECURITY_EVENT_KIND_LABELS[k] })))}
      <DateRangeFilter {...props} placeholder={['日期起', '日期止']} testId="security-filter-dates" />
    </Flex>
  );
}

/** The account's name: a click shows only its events. */
function UserLink({ e, onUser }: { e: TSecurityEvent; onUser: (id: string) => void }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onUser(e.userId!)} data-testid="security-event-user">
      {e.userName ?? '（已删除的账号）'}
    </Button>
  );
}

const kindTag = (e: TSecurityEvent) => <Tag color={KIND_COLORS[e.kind]}>{SECURITY_EVENT_KIND_LABELS[e.kind]}</Tag>;

function EventCards({ onUser, ...p }: PagedViewProps<TSecurityEvent> & { onUser: (id: string) => void }) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      renderItem={(e) => (
        <Card key={e.id} size="small">
          <Flex justify="space-between" gap={8}>{kindTag(e)}<Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text></Flex>
          <div className="card-meta">{e.userId ? <UserLink e={e} onUser={onUser} /> : null} {e.ip && <span className="mono">{e.ip}</span>}</div>
          {e.detail && <div className="card-meta">{e.detail}</div>}
        </Card>
      )}
    />
  );
}

export function SecurityEventsPage() {
  const me = useCurrentUser();
  const { values, update, reset } = useSearchState();
  const kind = SECURITY_EVENT_KINDS.find((k) => k === values.kind);
  const userId = values.userId && UUID.test(values.userId) ? values.userId : undefined;
  const query: SecurityEventQuery = {
    kind, userId, from: dateParam(values.from), to: dateParam(values.to),
    page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const events = useSecurityEvents(query);
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const onUser = (id: string) => setFilter({ userId: id });
  const filterCount = [kind, values.from, values.to, userId].filter(Boolean).length;
  const userName = userId ? events.data?.items.find((e) => e.userId === userId)?.userName : undefined;

  const columns: TableProps<TSecurityEvent>['columns'] = [
    { title: '时间（北京时间）', key: 'at', width: 180, render: (_v, e) => <span className="nowrap">{formatDateTime(e.at)}</span> },
    { title: '类型', key: 'kind', width: 140, render: (_v, e) => kindTag(e) },
    {
      title: '账号', key: 'user', width: 200,
      render: (_v, e) => (e.userId ? <UserLink e={e} onUser={onUser} /> : null),
    },
    { title: '操作人', key: 'actor', width: 110, render: (_v, e) => e.actorName ?? '系统' },
    { title: '来源地址', key: 'ip', width: 140, render: (_v, e) => <span className="mono">{e.ip ?? ''}</span> },
    { title: '详情', key: 'detail', render: (_v, e) => e.detail },
  ];

  return (
    <PageContainer title="安全事件" subTitle="登录、登录失败和锁定、动态验证码错误、会话结束、密码修改和越权访问；时间为北京时间">
      <Flex vertical gap={16}>
        {userCan(me, 'manage:security') && <SecuritySettingsCard />}
        <div>
          <FilterCard
            search={userId ? (
              <Tag closable onClose={() => setFilter({ userId: undefined })} data-testid="security-filter-user">账号：{userName ?? '已选账号'}</Tag>
            ) : <Typography.Text type="secondary">点击账号名只看该账号的事件</Typography.Text>}
            filterCount={filterCount}
            filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
            showClear={filterCount > 0}
            onClear={() => reset(['pageSize'])}
            drawerSize="40%"
          />
          <PagedResults
            list={events}
            page={query.page as number}
            pageSize={query.pageSize as number}
            onPageChange={(page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE))}
            cards={(p) => <EventCards {...p} onUser={onUser} />}
            table={(p) => <ListTable {...p} columns={columns} scrollX={1000} emptyText={EMPTY} testId="security-events-table" />}
          />
        </div>
      </Flex>
    </PageContainer>
  );
}
