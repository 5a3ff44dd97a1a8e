import { Button, Card, Flex, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TAuditEntry } from '../../../contract/audit.ts';
import { HAZARD_WORKFLOW_ACTIONS } from '../../../contract/hazards.ts';
import { CASE_ALLOWED_ACTIONS, CASE_SIDE_ACTION_LABELS } from '../../../domain/enforcement/case-policy.ts';
import { CASE_ACTION_LABELS } from '../../../domain/enforcement/enforcement.ts';
import { paths } from '../../app/paths.ts';
import { ACTION_LABELS } from '../../components/hazard-action-labels.ts';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type SearchPatch, dateParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { type AuditListQuery, useAuditLog } from './api/list-audit.ts';
import { AuditDiff } from './components/audit-diff.tsx';

const DEFAULT_PAGE_SIZE = 20;

/** Every action on a hazard is audited as hazard.<action>: named from the same map as its buttons. */
const HAZARD_ACTION_AUDIT_LABELS: Record<string, string> = Object.fromEntries(
  HAZARD_WORKFLOW_ACTIONS.map((a) => [`hazard.${a}`, ACTION_LABELS[a]]),
);

/** Every action on a case is audited as case.<action>: named from the same labels as its buttons. */
const CASE_ACTION_AUDIT_LABELS: Record<string, string> = Object.fromEntries(
  CASE_ALLOWED_ACTIONS.map((a) => [`case.${a}`, { ...CASE_ACTION_LABELS, ...CASE_SIDE_ACTION_LABELS }[a]]),
);

/** Plain-language names of the actions the server records; unknown ones show their code. */
const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.password_changed': '修改密码',
  'enterprise.create': '新增单位',
  'enterprise.update': '修改单位',
  'enterprise.void': '作废单位',
  'enterprise.import_create': '导入新增单位',
  'enterprise.import_update': '导入更新单位',
  'demo.seed': '载入演示数据',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除锁定',
  'unit.create': '新增组织单元',
  'unit.update': '修改组织单元',
  'sector.create': '新增行业领域',
  'sector.update': '修改行业领域',
  'file.upload': '上传文件',
  'hazard.create': '报告隐患',
  'hazard.import': '导入隐患',
  ...HAZARD_ACTION_AUDIT_LABELS,
  'hazard_criterion.create': '新增判定依据',
  'hazard_criterion.update': '修改判定依据',
  'checklist.create': '新建检查表',
  'checklist.publish': '发布检查表新版本',
  'checklist.import': '导入检查表',
  'checklist.load_builtin': '载入内置检查表',
  'checklist.retire': '停用检查表',
  'checklist.reactivate': '重新启用检查表',
  'work_calendar.set_year': '设置全年节假日',
  'work_calendar.put_day': '设置节假日/调休',
  'work_calendar.delete_day': '删除节假日/调休',
  'inspection.create': '开始检查',
  'inspection.update': '修改检查信息',
  'inspection.answer': '填写检查项',
  'inspection.sign': '检查人员签名',
  'inspection.complete': '完成检查',
  'inspection.discard': '删除检查草稿',
  'self_inspection_schedule.create': '设置日周月自查',
  'self_inspection_schedule.update': '修改日周月自查',
  'inspection_plan.create': '新建检查计划',
  'inspection_plan.update': '修改检查计划',
  'inspection_plan.add_entries': '添加计划单位',
  'inspection_plan.remove_entry': '移除计划单位',
  'case.create': '立案',
  ...CASE_ACTION_AUDIT_LABELS,
  'accountability.create': '登记问责',
  'accountability.update': '修改问责',
};

const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  enterprise: '生产经营单位',
  unit: '组织单元',
  sector: '行业领域',
  hazard: '隐患',
  file: '文件',
  hazard_criterion: '判定依据',
  checklist_template: '检查表',
  work_calendar: '工作日历',
  inspection: '检查记录',
  self_inspection_schedule: '日周月自查',
  inspection_plan: '检查计划',
  enforcement_case: '执法案件',
  accountability: '问责记录',
};

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
};

const actionText = (e: TAuditEntry) => AUDIT_ACTION_LABELS[e.action] ?? e.action;
const entityText = (e: TAuditEntry) => ENTITY_LABELS[e.entityType] ?? e.entityType;

/** The record's id, a link when the record has a page of its own. */
function EntityId({ entry, short }: { entry: TAuditEntry; short?: boolean }) {
  const id = entry.entityId;
  if (!id) return null;
  const text = short ? `${id.slice(0, 8)}…` : id;
  const page = ENTITY_PAGES[entry.entityType];
  return page ? (
    <Link to={page(id)} className="mono" style={{ fontSize: 12 }}>{text}</Link>
  ) : (
    <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{text}</Typography.Text>
  );
}

const EMPTY = '没有符合条件的记录';

/** Phone widths: one card per entry, details on demand. */
function AuditCards(p: PagedViewProps<TAuditEntry>) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      renderItem={(e) => (
        <Card key={e.id} size="small">
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{actionText(e)}</Typography.Text>
            <Typography.Text type="secondary">{e.actorName ?? '系统'}</Typography.Text>
          </Flex>
          <div className="card-meta mono">{formatDateTime(e.at)}</div>
          <div className="card-meta">
            {entityText(e)} <EntityId entry={e} short />
          </div>
          {(e.before != null || e.after != null) && (
            <>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(open === e.id ? null : e.id)}>
                {open === e.id ? '收起' : '查看内容'}
              </Button>
              {open === e.id && <AuditDiff entry={e} />}
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
      {select('entityType', '对象类型', Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })))}
      <DateRangeFilter {...props} placeholder={['日期起', '日期止']} testId="audit-filter-dates" />
    </Flex>
  );
}

export function AuditPage() {
  const { values, update, reset } = useSearchState();
  const query: AuditListQuery = {
    action: values.action?.trim().slice(0, 64) || undefined,
    entityType: values.entityType?.trim().slice(0, 32) || undefined,
    from: dateParam(values.from),
    to: dateParam(values.to),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const log = useAuditLog(query);
  const onPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const filterCount = [values.entityType, values.from, values.to].filter(Boolean).length;

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
          <div>{actionText(e)}</div>
          {AUDIT_ACTION_LABELS[e.action] && <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{e.action}</Typography.Text>}
        </div>
      ),
    },
    {
      title: '对象',
      key: 'entity',
      render: (_v, e) => (
        <div>
          <div>{entityText(e)}</div>
          {e.entityId && <EntityId entry={e} />}
        </div>
      ),
    },
  ];

  return (
    <PageContainer title="审计日志" subTitle="所有登录和数据变更按时间顺序记录，不可修改（时间为北京时间）">
      <FilterCard
        search={<SearchBox value={query.action} onSearch={(v) => setFilter({ action: v || undefined })} placeholder="操作（前缀，如 enterprise.）" testId="audit-filter-action" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={filterCount > 0 || !!query.action}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <PagedResults
        list={log}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={onPage}
        cards={(p) => <AuditCards {...p} />}
        table={(p) => (
          <ListTable
            {...p}
            columns={columns}
            scrollX={760}
            expandable={{
              expandedRowRender: (e) => <AuditDiff entry={e} />,
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
