// One template: its current version's items, its details, and its version history with diffs.
// Managers edit (publishing the next version), export, and retire or reactivate it.
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { ActiveTag } from '../../components/status-tags.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { formatMinute } from '../../lib/format.ts';
import { useExportChecklistVersion } from './api/export-version.ts';
import { useChecklist } from './api/get-checklist.ts';
import { useSetChecklistActive } from './api/set-active.ts';
import { ItemsView } from './components/items-view.tsx';
import { AudienceTag, VersionTag } from './components/labels.tsx';
import { VersionHistory } from './components/version-history.tsx';

export function ChecklistDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const query = useChecklist(id);
  const setActive = useSetChecklistActive();
  const exporter = useExportChecklistVersion();
  const isMobile = useIsMobile();

  if (query.isError) return <PageContainer title="检查表" backTo={paths.checklists.list}><ErrorDisplay error={query.error} backTo={paths.checklists.list} /></PageContainer>;
  const t = query.data;
  if (!t) return <Spin style={{ display: 'block', margin: 48 }} />;

  const toggle = (active: boolean) =>
    setActive.mutate(
      { id: t.id, active, version: t.version },
      {
        onSuccess: () => void message.success(active ? '已重新启用' : '已停用'),
        onError: (e) => void (isApiError(e, 'CONFLICT') ? message.warning('检查表已被他人修改，已刷新，请重试') : message.error(errorMessage(e))),
      },
    );

  const extra = (
    <>
      {t.allowedActions.includes('publish') && (
        <Link to={paths.checklists.edit(t.id)}>
          <Button type="primary" icon={<EditOutlined />} data-testid="checklist-edit">{isMobile ? '修改' : '修改并发布新版本'}</Button>
        </Link>
      )}
      {t.allowedActions.includes('export') && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.isPending}
          onClick={() => exporter.mutate({ id: t.id, version: t.currentVersion, name: t.name }, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })}
          data-testid="checklist-export"
        >
          导出
        </Button>
      )}
      {t.allowedActions.includes('retire') && (
        <Popconfirm
          title="停用这张检查表？"
          description="停用后新的检查不能再选用，已有检查记录不受影响。"
          okText="停用"
          okButtonProps={{ danger: true }}
          onConfirm={() => toggle(false)}
        >
          <Button danger loading={setActive.isPending} data-testid="checklist-retire">停用</Button>
        </Popconfirm>
      )}
      {t.allowedActions.includes('reactivate') && (
        <Button loading={setActive.isPending} onClick={() => toggle(true)} data-testid="checklist-reactivate">重新启用</Button>
      )}
    </>
  );

  return (
    <PageContainer
      title={t.name}
      subTitle={<Space size={4} wrap><VersionTag version={t.currentVersion} /><AudienceTag audience={t.audience} /><ActiveTag active={t.active} /></Space>}
      backTo={paths.checklists.list}
      extra={extra}
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'code', label: '编码', children: <span className="mono">{t.code}</span> },
            { key: 'source', label: '来源', children: t.source ?? '—' },
            { key: 'items', label: '检查项', children: `${t.itemCount} 项` },
            { key: 'published', label: '当前版本发布', children: formatMinute(t.publishedAt) },
            { key: 'used', label: '已用于检查', children: `${t.usedCount} 次` },
            ...(t.current.description
              ? [{ key: 'description', label: '说明', span: 'filled' as const, children: <Typography.Text className="pre-wrap">{t.current.description}</Typography.Text> }]
              : []),
          ]}
        />
      </Card>
      <Tabs
        items={[
          { key: 'items', label: `检查项（${t.itemCount}）`, children: <ItemsView groups={t.current.groups} /> },
          { key: 'versions', label: `版本历史（${t.versions.length}）`, children: <VersionHistory detail={t} /> },
        ]}
      />
    </PageContainer>
  );
}
