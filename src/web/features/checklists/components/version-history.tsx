// A template's versions, newest first: each can be opened in full, and any two compared.
import { Button, Card, Flex, Modal, Select, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '../../../components/error-display.tsx';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { formatMinute } from '../../../lib/format.ts';
import { useChecklistDiff } from '../api/get-diff.ts';
import { useChecklistVersion } from '../api/get-version.ts';
import type { ChecklistDetail } from '../api/keys.ts';
import { ItemsView } from './items-view.tsx';
import { VersionTag } from './labels.tsx';
import { VersionDiff } from './version-diff.tsx';

type VersionRow = ChecklistDetail['versions'][number];

function VersionModal({ templateId, version, onClose }: { templateId: string; version: number | null; onClose: () => void }) {
  const v = useChecklistVersion(templateId, version);
  return (
    <Modal open={version !== null} onCancel={onClose} footer={null} width={1000} title={v.data ? `${v.data.name}（第${v.data.version}版）` : '检查表版本'}>
      {v.isError ? <ErrorDisplay error={v.error} /> : v.data ? <ItemsView groups={v.data.groups} /> : <Typography.Text type="secondary">加载中…</Typography.Text>}
    </Modal>
  );
}

export function VersionHistory({ detail }: { detail: ChecklistDetail }) {
  const isMobile = useIsMobile();
  const [viewing, setViewing] = useState<number | null>(null);
  const latest = detail.currentVersion;
  const [range, setRange] = useState<{ from: number; to: number } | null>(latest > 1 ? { from: latest - 1, to: latest } : null);
  const diff = useChecklistDiff(detail.id, range);
  const options = detail.versions.map((v) => ({ value: v.version, label: `第${v.version}版` }));

  const columns: TableProps<VersionRow>['columns'] = [
    { title: '版本', key: 'version', width: 80, render: (_v, r) => <VersionTag version={r.version} /> },
    { title: '发布时间', key: 'publishedAt', width: 150, render: (_v, r) => formatMinute(r.publishedAt) },
    ...(isMobile ? [] : [
      { title: '发布人', key: 'by', width: 100, render: (_v: unknown, r: VersionRow) => r.publishedByName ?? '系统' },
      { title: '检查项', dataIndex: 'itemCount', key: 'itemCount', width: 70, align: 'right' as const },
      { title: '已用于检查', dataIndex: 'usedCount', key: 'usedCount', width: 90, align: 'right' as const },
    ]),
    {
      title: '操作',
      key: 'actions',
      render: (_v, r) => (
        <Flex gap={0} wrap>
          <Button type="link" size="small" onClick={() => setViewing(r.version)} data-testid="checklist-version-view">查看</Button>
          {r.version > 1 && (
            <Button type="link" size="small" onClick={() => setRange({ from: r.version - 1, to: r.version })} data-testid="checklist-version-diff">
              与上一版对比
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Table<VersionRow> rowKey="versionId" size="small" pagination={false} columns={columns} dataSource={detail.versions} data-testid="checklist-versions" />
      </Card>
      {detail.versions.length > 1 && (
        <Card size="small" title="版本对比">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Select value={range?.from} options={options} onChange={(from: number) => setRange({ from, to: range?.to ?? latest })} style={{ width: 110 }} aria-label="对比起始版本" />
            <span>→</span>
            <Select value={range?.to} options={options} onChange={(to: number) => setRange({ from: range?.from ?? 1, to })} style={{ width: 110 }} aria-label="对比目标版本" />
          </Flex>
          {diff.isError ? <ErrorDisplay error={diff.error} /> : diff.data ? <VersionDiff diff={diff.data} /> : null}
        </Card>
      )}
      <VersionModal templateId={detail.id} version={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
