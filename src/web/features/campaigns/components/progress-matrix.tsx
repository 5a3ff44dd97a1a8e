// 落实情况: tasks × units, each cell coloured by its most pressing state; filter by group, unit,
// state and overdue. A cell opens the occurrence it is about; the office ticks cells to 催办 them.
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Popconfirm, Select, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CELL_STATES, type CellState } from '../../../../domain/campaigns/occurrences.ts';
import { paths } from '../../../app/paths.ts';
import { ErrorDisplay } from '../../../components/error-display.tsx';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { errorMessage } from '../../../lib/api.ts';
import type { CampaignDetailData, MatrixData } from '../api/keys.ts';
import { useExportTasks, useMatrix, useUrge } from '../api/progress.ts';
import { CELL_COLORS, CELL_STATE_LABELS } from './labels.ts';

type Row = MatrixData['rows'][number];
type Cell = Row['cells'][number];
const URGEABLE: readonly CellState[] = ['overdue', 'returned', 'upcoming'];

export function ProgressMatrix({ campaign }: { campaign: CampaignDetailData }) {
  const [group, setGroup] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [state, setState] = useState<CellState>();
  const m = useMatrix(campaign.id, { group, unitId, state });
  const urge = useUrge();
  const exporter = useExportTasks(campaign.id);
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const mayUrge = campaign.allowedActions.includes('urge');
  // A phone keeps the task column narrow, so that a unit's column shows beside it.
  const isMobile = useIsMobile();
  const taskWidth = isMobile ? 150 : 240;
  const unitWidth = isMobile ? 130 : 140;

  if (!campaign.published) return <Typography.Text type="secondary">专项行动发布后，这里按任务和单位显示落实情况。</Typography.Text>;
  if (m.isError) return <ErrorDisplay error={m.error} onRetry={() => void m.refetch()} />;
  const data = m.data;
  const toggle = (key: string, on: boolean) => setPicked((s) => { const n = new Set(s); if (on) n.add(key); else n.delete(key); return n; });
  const allOverdue = () => setPicked(new Set((data?.rows ?? []).flatMap((r) => r.cells.filter((c) => c.state === 'overdue' && c.nextKey).map((c) => c.nextKey!))));

  const cellView = (c: Cell | undefined) => {
    if (!c) return null;
    const color = CELL_COLORS[c.state];
    const text = `${CELL_STATE_LABELS[c.state]}${c.total > 1 ? ` ${c.confirmed}/${c.total}` : ''}`;
    // 未签收 matters while something is still owed; under 已确认 it only adds noise.
    const unsigned = !c.acknowledged && c.state !== 'confirmed';
    return (
      <Flex gap={4} align="center" style={{ background: color.bg, color: color.fg, padding: '2px 6px', borderRadius: 4 }} data-testid={`cell-${c.state}`}>
        {mayUrge && c.nextKey && URGEABLE.includes(c.state) && (
          <Checkbox checked={picked.has(c.nextKey)} onChange={(e) => toggle(c.nextKey!, e.target.checked)} aria-label={`选择催办：${text}`} />
        )}
        <Flex vertical style={{ minWidth: 0 }}>
          {c.nextKey ? <Link to={paths.campaigns.occurrence(c.nextKey)} style={{ color: color.fg, whiteSpace: 'nowrap' }}>{text}</Link> : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>}
          {unsigned && <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>未签收</span>}
        </Flex>
      </Flex>
    );
  };

  const columns: TableProps<Row>['columns'] = [
    {
      title: '任务', key: 'task', fixed: 'left', width: taskWidth,
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <Typography.Paragraph ellipsis={{ rows: isMobile ? 2 : 1, tooltip: r.requirement }} style={{ maxWidth: taskWidth - 12, marginBottom: 0 }}>{r.number} {r.requirement}</Typography.Paragraph>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.deadlineLabel }} style={{ maxWidth: taskWidth - 12 }}>{r.deadlineLabel}</Typography.Text>
        </Flex>
      ),
    },
    ...(data?.units ?? []).map((u) => ({
      title: u.name, key: u.id, width: unitWidth,
      render: (_v: unknown, r: Row) => cellView(r.cells.find((c) => c.unitId === u.id)),
    })),
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select allowClear placeholder="专项行动（分组）" aria-label="专项行动（分组）" style={{ width: 220 }} value={group} options={(data?.groups ?? []).map((g) => ({ value: g, label: g }))} onChange={(v?: string) => setGroup(v)} />
        <Select allowClear showSearch optionFilterProp="label" placeholder="责任单位" aria-label="责任单位" style={{ width: 160 }} value={unitId} options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} onChange={(v?: string) => setUnitId(v)} />
        <Select allowClear placeholder="状态" aria-label="状态" style={{ width: 130 }} value={state} options={CELL_STATES.map((s) => ({ value: s, label: CELL_STATE_LABELS[s] }))} onChange={(v?: CellState) => setState(v)} data-testid="matrix-state" />
        {unitId && (
          <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(unitId, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })}>
            导出本单位落实情况
          </Button>
        )}
      </Flex>
      {mayUrge && (
        <Flex gap={8} wrap align="center">
          <Button size="small" onClick={allOverdue}>选中全部逾期</Button>
          <Input size="small" style={{ width: 240 }} maxLength={500} placeholder="催办说明（选填）" value={note} onChange={(e) => setNote(e.target.value)} aria-label="催办说明" />
          <Popconfirm title={`向所选 ${picked.size} 项的责任单位发送催办？`} okText="催办" cancelText="取消" disabled={picked.size === 0}
            onConfirm={() => urge.mutate({ keys: [...picked], note: note || null }, {
              onSuccess: (r) => { void message.success(`已催办 ${r.urged} 项`); setPicked(new Set()); setNote(''); },
              onError: (e) => void message.error(errorMessage(e)),
            })}
          >
            <Button size="small" type="primary" icon={<BellOutlined />} disabled={picked.size === 0} loading={urge.isPending} data-testid="matrix-urge">催办所选（{picked.size}）</Button>
          </Popconfirm>
        </Flex>
      )}
      <Table<Row>
        rowKey="taskId" size="small" bordered dataSource={data?.rows ?? []} columns={columns} loading={m.isFetching}
        scroll={{ x: taskWidth + unitWidth * (data?.units.length ?? 0) }} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '没有符合条件的任务' }} data-testid="progress-matrix"
      />
    </Flex>
  );
}
