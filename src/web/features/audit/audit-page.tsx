import { Card, DatePicker, Flex, Input, Table, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TAuditEntry } from '../../../contract/audit.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { dayjs, formatDateTime } from '../../lib/format.ts';
import { dateParam, intParam, useSearchState } from '../../lib/search-params.ts';
import { type AuditListQuery, useAuditLog } from './api/list-audit.ts';
import { AuditDiff } from './components/audit-diff.tsx';

const DEFAULT_PAGE_SIZE = 20;

/** Plain-language names of the actions known so far; unknown ones show their code. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.password_changed': '修改密码',
  'enterprise.create': '新增单位',
  'enterprise.update': '修改单位',
  'enterprise.void': '作废单位',
  'enterprise.import': '导入单位',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除锁定',
  'unit.create': '新增组织单元',
  'unit.update': '修改组织单元',
  'sector.create': '新增行业领域',
  'sector.update': '修改行业领域',
};

const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  enterprise: '生产经营单位',
  unit: '组织单元',
  sector: '行业领域',
  import_batch: '导入批次',
};

function TextFilter({ value, placeholder, onChange, testId }: { value?: string; placeholder: string; onChange: (v: string) => void; testId: string }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onChange(v.trim())}
      style={{ width: 200, maxWidth: '100%' }}
      data-testid={testId}
    />
  );
}

export function AuditPage() {
  const { values, update } = useSearchState();
  const query: AuditListQuery = {
    action: values.action?.trim().slice(0, 64) || undefined,
    entityType: values.entityType?.trim().slice(0, 32) || undefined,
    from: dateParam(values.from),
    to: dateParam(values.to),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const log = useAuditLog(query);
  const setFilter = (patch: Record<string, string | undefined>) => update(patch, { resetPage: true });

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      title: '时间',
      key: 'at',
      width: 190,
      render: (_v, e) => <span className="mono nowrap">{formatDateTime(e.at)}</span>,
    },
    { title: '操作人', key: 'actor', width: 120, render: (_v, e) => e.actorName ?? <Typography.Text type="secondary">系统</Typography.Text> },
    {
      title: '操作',
      key: 'action',
      width: 200,
      render: (_v, e) => (
        <div>
          <div>{ACTION_LABELS[e.action] ?? e.action}</div>
          {ACTION_LABELS[e.action] && <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{e.action}</Typography.Text>}
        </div>
      ),
    },
    {
      title: '对象',
      key: 'entity',
      render: (_v, e) => (
        <div>
          <div>{ENTITY_LABELS[e.entityType] ?? e.entityType}</div>
          {e.entityId && <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{e.entityId}</Typography.Text>}
        </div>
      ),
    },
  ];

  return (
    <PageContainer title="审计日志" subTitle="所有登录和数据变更按时间顺序记录，不可修改（时间为北京时间）">
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap>
          <TextFilter value={query.action} placeholder="操作（前缀，如 enterprise.）" onChange={(v) => setFilter({ action: v || undefined })} testId="audit-filter-action" />
          <TextFilter value={query.entityType} placeholder="对象类型（如 enterprise）" onChange={(v) => setFilter({ entityType: v || undefined })} testId="audit-filter-entity" />
          <DatePicker.RangePicker
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(range) =>
              setFilter({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
            allowEmpty={[true, true]}
            inputReadOnly
            data-testid="audit-filter-dates"
          />
        </Flex>
      </Card>
      {log.isError ? (
        <ErrorDisplay error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Card size="small">
          <Table<TAuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={log.data?.items ?? []}
            loading={log.isFetching}
            scroll={{ x: 760 }}
            expandable={{
              expandedRowRender: (e) => <AuditDiff entry={e} />,
              rowExpandable: (e) => e.before != null || e.after != null,
            }}
            pagination={{
              current: query.page as number,
              pageSize: query.pageSize as number,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (t) => `共 ${t} 条`,
              onChange: (page, pageSize) =>
                update({ page: page > 1 ? page : undefined, pageSize: pageSize !== DEFAULT_PAGE_SIZE ? pageSize : undefined }),
            }}
            data-testid="audit-table"
          />
        </Card>
      )}
    </PageContainer>
  );
}
