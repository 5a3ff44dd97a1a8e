import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TAuditEntry } from '../../../contract/audit.ts';
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '../../../contract/audit-labels.ts';
import { paths } from '../../app/paths.ts';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type SearchPatch, dateParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { type AuditListQuery, useAuditLog } from './api/list-audit.ts';
import { AuditDiff } from './components/audit-diff.tsx';
import { useExportAudit } from './api/export-audit.ts';

const DEFAULT_PAGE_SIZE = 20;

/** Records with a page of their own link to it. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  hazard: paths.hazards.detail,
  enterprise: paths.enterprises.detail,
  checklist_template: paths.checklists.detail,
  inspection: paths.inspections.detail,
  // A schedule is audited under its enterprise's id.
  self_inspection_schedule: (id) => paths.selfInspection.enterprise(id),
  inspection_plan: paths.plans.detail,
  enforcement_case: paths.cases.detail,
  accountability: paths.accountability.detail,
  technical_inspector: paths.inspectorRoster.detail,
  safety_activity: paths.drills.detail,
  drill_requirement: () => paths.drills.requirement,
};

/** The record's number or name, a link when the record has a page of its own. */
function EntityName({ entry }: { entry: TAuditEntry }) {
  const id = entry.entityId;
  if (!id) return null;
  const page = ENTITY_PAGES[entry.entityType];
  const text = entry.entityName ?? (page ? '查看记录' : null);
  if (!text) return null;
  return page ? <Link to={page(id)} data-testid="audit-entity-link">{text}</Link> : <Typography.Text>{text}</Typography.Text>;
}

const EMPTY = '没有符合条件的记录';

/** Phone widths: one card per entry, details on demand. */
function AuditCards({ refs, ...p }: PagedViewProps<TAuditEntry> & { refs: Record<string, string> }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      renderItem={(e) => (
        <Card key={e.id} size="small">
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{auditActionLabel(e.action)}</Typography.Text>
            <Typography.Text type="secondary">{e.actorName ?? '系统'}</Typography.Text>
          </Flex>
          <div className="card-meta">{formatDateTime(e.at)}</div>
          <div className="card-meta">
            {auditEntityLabel(e.entityType)} <EntityName entry={e} />
          </div>
          {(e.before != null || e.after != null) && (
            <>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(open === e.id ? null : e.id)}>
                {open === e.id ? '收起' : '查看内容'}
              </Button>
              {open === e.id && <AuditDiff entry={e} refs={refs} />}
            </>
          )}
        </Card>
      )}
    />
  );
}

function Filters(props: FilterPanelProps) {
  const select = filterSelect(props, { width: 160, testIdPrefix: 'audit-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('entityType', '对象类型', Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label })))}
      <DateRangeFilter {...props} placeholder={['日期起', '日期止']} testId="audit-filter-dates" />
    </Flex>
  );
}

export function AuditPage() {
  const { values, update, reset } = useSearchState();
  const query: AuditListQuery = {
    q: values.q?.trim().slice(0, 64) || undefined,
    entityType: values.entityType?.trim().slice(0, 32) || undefined,
    from: dateParam(values.from),
    to: dateParam(values.to),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const log = useAuditLog(query);
  const exporter = useExportAudit();
  const { message } = App.useApp();
  const onExport = () => {
    const { page: _page, pageSize: _size, ...filter } = query;
    exporter.mutate(filter, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) });
  };
  const refs = log.data?.refs ?? {};
  const onPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const filterCount = [values.entityType, values.from, values.to].filter(Boolean).length;

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      title: '时间（北京时间）',
      key: 'at',
      width: 180,
      render: (_v, e) => <span className="nowrap">{formatDateTime(e.at)}</span>,
    },
    { title: '操作人', key: 'actor', width: 120, render: (_v, e) => e.actorName ?? <Typography.Text type="secondary">系统</Typography.Text> },
    {
      title: '操作',
      key: 'action',
      width: 200,
      render: (_v, e) => auditActionLabel(e.action),
    },
    {
      title: '对象',
      key: 'entity',
      render: (_v, e) => (
        <div>
          <Typography.Text type="secondary">{auditEntityLabel(e.entityType)}</Typography.Text>
          <div><EntityName entry={e} /></div>
        </div>
      ),
    },
  ];

  return (
    <PageContainer
      title="审计日志"
      subTitle="所有登录和数据变更按时间顺序记录，不可修改；时间为北京时间。超过保留期（不少于180天）的记录定期清理，清理前请按需导出"
      extra={
        <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporter.isPending} data-testid="audit-export">
          导出 Excel
        </Button>
      }
    >
      <FilterCard
        search={<SearchBox value={query.q} onSearch={(v) => setFilter({ q: v || undefined })} placeholder="记录编号或名称、操作、操作人" testId="audit-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={filterCount > 0 || !!query.q}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <PagedResults
        list={log}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={onPage}
        cards={(p) => <AuditCards {...p} refs={refs} />}
        table={(p) => (
          <ListTable
            {...p}
            columns={columns}
            scrollX={760}
            expandable={{
              expandedRowRender: (e) => <AuditDiff entry={e} refs={refs} />,
              rowExpandable: (e) => e.before != null || e.after != null,
            }}
            emptyText={EMPTY}
            testId="audit-table"
          />
        )}
      />
    </PageContainer>
  );
}
