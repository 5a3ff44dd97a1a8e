// 检查表: the district's checklist templates. Managers create, import and retire them; every role
// reads the active ones (inspections use them). An empty district is offered the built-in ones, and
// a district whose built-in copies are behind their newer wording is offered to update them.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Space, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BUILT_IN_UPDATE_NOTE } from '../../../domain/checklists/checklist-policy.ts';
import { CHECKLIST_AUDIENCES, CHECKLIST_AUDIENCE_LABELS } from '../../../domain/checklists/checklist.ts';
import { paths } from '../../app/paths.ts';
import { FilterCard } from '../../components/filter-card.tsx';
import { type FilterPanelProps, filterSelect, yesNo } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { ActiveTag } from '../../components/status-tags.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCan } from '../../lib/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { type SearchPatch, enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import type { ChecklistListItem, ChecklistListQuery } from './api/keys.ts';
import { useChecklists } from './api/list-checklists.ts';
import { useLoadBuiltIns } from './api/load-built-ins.ts';
import { useUpdateBuiltIns } from './api/update-built-ins.ts';
import { AudienceTag, VersionTag } from './components/labels.tsx';

const DEFAULT_PAGE_SIZE = 20;

function Filters({ canManage, ...props }: FilterPanelProps & { canManage: boolean }) {
  const select = filterSelect(props, { width: 160, testIdPrefix: 'checklist-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical}>
      {select('audience', '适用对象', CHECKLIST_AUDIENCES.map((a) => ({ value: a, label: CHECKLIST_AUDIENCE_LABELS[a] })))}
      {canManage && select('active', '状态（全部）', yesNo('启用中', '已停用'))}
    </Flex>
  );
}

function Cards({ empty, ...p }: PagedViewProps<ChecklistListItem> & { empty: ReactNode }) {
  return (
    <CardList
      {...p}
      emptyText={empty}
      unit="张"
      testId="checklist-cards"
      renderItem={(t) => (
        <Link key={t.id} to={paths.checklists.detail(t.id)} className="card-link" data-testid="checklist-link">
          <Card size="small" className={t.active ? undefined : 'row-voided'}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong className="card-title">{t.name}</Typography.Text>
              <VersionTag version={t.currentVersion} />
            </Flex>
            {t.source && <div className="card-meta">{t.source}</div>}
            <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
              <Space size={4} wrap>
                <AudienceTag audience={t.audience} />
                {!t.active && <ActiveTag active={false} />}
              </Space>
              <Typography.Text type="secondary">{t.itemCount} 项 · 已用 {t.usedCount} 次</Typography.Text>
            </Flex>
          </Card>
        </Link>
      )}
    />
  );
}

export function ChecklistListPage() {
  const { values, update, reset } = useSearchState();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const query: ChecklistListQuery = {
    q: values.q?.trim() || undefined,
    audience: enumParam(values.audience, CHECKLIST_AUDIENCES),
    active: enumParam(values.active, ['true', 'false'] as const),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const list = useChecklists(query);
  const builtIns = useLoadBuiltIns();
  const builtInUpdate = useUpdateBuiltIns();
  const can = useCan();
  const canManage = can('manage:checklist');
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const filterCount = [values.audience, values.active].filter(Boolean).length;

  const loadBuiltIns = () =>
    builtIns.mutate(undefined, {
      onSuccess: (r) => void message.success(r.created.length ? `已载入 ${r.created.length} 张内置检查表` : '内置检查表均已存在'),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const updateBuiltIns = () =>
    builtInUpdate.mutate(undefined, {
      onSuccess: (r) => void message.success(r.updated.length ? `已发布 ${r.updated.map((t) => `${t.name}第${t.version}版`).join('、')}` : '内置检查表均已是最新'),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const columns: TableProps<ChecklistListItem>['columns'] = [
    {
      title: '名称',
      key: 'name',
      render: (_v, t) => (
        <div>
          <Link to={paths.checklists.detail(t.id)} data-testid="checklist-link">{t.name}</Link>
          {/* The source (the plan it comes from) names it for staff; the code is the detail page's. */}
          {t.source && <div className="workbench-subtitle">{t.source}</div>}
        </div>
      ),
    },
    { title: '适用对象', key: 'audience', width: 120, render: (_v, t) => <AudienceTag audience={t.audience} /> },
    { title: '来源', dataIndex: 'source', key: 'source', width: 220, render: (v: string | null) => v ?? '—' },
    { title: '版本', key: 'version', width: 80, render: (_v, t) => <VersionTag version={t.currentVersion} /> },
    { title: '检查项', dataIndex: 'itemCount', key: 'itemCount', width: 80, align: 'right' },
    { title: '使用次数', dataIndex: 'usedCount', key: 'usedCount', width: 90, align: 'right' },
    { title: '发布日期', key: 'publishedAt', width: 110, render: (_v, t) => formatDate(t.publishedAt) },
    { title: '状态', key: 'active', width: 80, render: (_v, t) => <ActiveTag active={t.active} /> },
  ];

  const extra = canManage ? (
    <>
      <Link to={paths.checklists.create}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="checklist-create">新建</Button>
      </Link>
      <Link to={paths.checklists.import}>
        <Button icon={<UploadOutlined />} data-testid="checklist-import">导入</Button>
      </Link>
    </>
  ) : null;

  const empty = list.data?.allowedActions.includes('load_built_ins') ? (
    <Empty description="本区还没有检查表" data-testid="checklist-empty">
      <Space wrap>
        <Button type="primary" loading={builtIns.isPending} onClick={loadBuiltIns} data-testid="checklist-load-built-ins">载入内置检查表</Button>
        <Link to={paths.checklists.create}><Button>新建检查表</Button></Link>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        内置检查表：大盛镇自查重点事项清单、小微企业和九小场所安全生产重点任务提示清单、崇明抽查检查表
      </Typography.Paragraph>
    </Empty>
  ) : (
    <Empty description="没有符合条件的检查表" />
  );

  return (
    <PageContainer title="检查表" subTitle={isMobile ? undefined : '检查、自查使用的检查表；修改后发布为新版本，已有检查记录仍使用原版本'} extra={extra}>
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="名称或编码" testId="checklist-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} canManage={canManage} vertical={vertical} />}
        showClear={filterCount > 0 || !!values.q}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      {list.data?.allowedActions.includes('update_built_ins') && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="内置检查表有新的表述"
          description={`${BUILT_IN_UPDATE_NOTE}本区未修改过的内置检查表可发布为新版本，原版本和已有检查记录不变。`}
          action={
            <Button size="small" type="primary" loading={builtInUpdate.isPending} onClick={updateBuiltIns} data-testid="checklist-update-built-ins">
              更新内置检查表
            </Button>
          }
          data-testid="checklist-built-in-update"
        />
      )}
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <Cards {...p} empty={empty} />}
        table={(p) => (
          <ListTable
            {...p}
            columns={columns}
            scrollX={900}
            rowClassName={(t) => (t.active ? '' : 'row-voided')}
            emptyText={empty}
            unit="张"
            testId="checklist-table"
          />
        )}
      />
    </PageContainer>
  );
}
