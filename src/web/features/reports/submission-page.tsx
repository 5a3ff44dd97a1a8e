// /report-submissions/:key: one unit's form for one round. Computed figures come filled (each
// opens the records it counted); the unit fills only what the system cannot know, may override a
// figure with a reason, and submits; the office approves, returns, excuses or reopens it.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatMinute } from '../../lib/format.ts';
import { type CellData, useExportSubmission, usePrintSubmission, useSaveSubmission, useSubmission, useSubmissionAction } from './api/reports.ts';
import { CellRow, type ManualValue } from './components/cell-row.tsx';
import { SUBMISSION_STATE_COLORS, groupCells } from './components/labels.ts';
import { OverrideModal } from './components/override-modal.tsx';
import { ReasonModal } from './components/reason-modal.tsx';

type ReasonAction = 'return' | 'excuse' | 'reopen';
const REASON_TITLES: Record<ReasonAction, [string, string]> = {
  return: ['退回报表', '如：隐患数与台账不符，请核实后重新提交'], excuse: ['本轮免报', '如：该单位本期无监管对象'], reopen: ['重新开放', '如：网格员更换，准许补报'],
};

export function SubmissionPage() {
  const { key = '' } = useParams();
  const q = useSubmission(key);
  const save = useSaveSubmission(key);
  const act = useSubmissionAction(key);
  const exporter = useExportSubmission(key);
  const printer = usePrintSubmission(key);
  const { message } = App.useApp();
  const [manual, setManual] = useState<Record<string, ManualValue>>({});
  const [overriding, setOverriding] = useState<CellData | null>(null);
  const [reason, setReason] = useState<ReasonAction | null>(null);
  const [form] = Form.useForm<{ fillerName: string; fillerPhone: string; note: string }>();
  const d = q.data;
  useEffect(() => {
    if (d) form.setFieldsValue({ fillerName: d.fillerName ?? '', fillerPhone: d.fillerPhone ?? '', note: d.note ?? '' });
  }, [d, form]);

  if (q.isError) return <PageContainer title="报表填报"><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} /></PageContainer>;
  if (!d) return <PageContainer title="报表填报"><Card><Skeleton active /></Card></PageContainer>;
  const can = (a: (typeof d.allowedActions)[number]) => d.allowedActions.includes(a);
  const editable = can('save');
  const onErr = (e: unknown) => void message.error(errorMessage(e));
  const fields = () => {
    const v = form.getFieldsValue();
    return { fillerName: v.fillerName || null, fillerPhone: v.fillerPhone || null, note: v.note || null };
  };
  const saveNow = async (extra: { overrides?: Record<string, { value: number; reason: string } | null> } = {}) => {
    await save.mutateAsync({ version: d.id ? d.version : undefined, values: manual, overrides: extra.overrides ?? {}, ...fields() });
    setManual({});
  };
  const onSave = () => void saveNow().then(() => void message.success('已保存'), onErr);
  const onSubmit = () => void (async () => {
    if (editable) await saveNow();
    await act.mutateAsync({ action: 'submit' });
  })().then(() => void message.success('已提交'), onErr);
  const decide = (action: 'approve' | ReasonAction, r?: string) =>
    act.mutate(action === 'approve' ? { action, version: d.version } : { action, version: d.version, reason: r ?? '' }, {
      onSuccess: () => { setReason(null); void message.success('已办理'); }, onError: onErr,
    });
  const groups = groupCells(d.form.layout, d.cells);

  return (
    <PageContainer
      title={d.form.title}
      subTitle={<Flex gap={4} wrap align="center">
        <Tag color={SUBMISSION_STATE_COLORS[d.state]}>{d.stateLabel}</Tag>
        {d.overdue && <Tag color="error">已逾期</Tag>}{d.late && <Tag color="warning">逾期提交</Tag>}{d.locked && <Tag>已锁定</Tag>}
        {d.unit.name} · 报送期 {d.round.due}{d.round.time ? ` ${d.round.time}` : ''}
      </Flex>}
      backTo={paths.campaigns.detail(d.campaign.id, 'reports')}
      extra={<>
        <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(undefined, { onError: onErr })} data-testid="submission-export">导出Excel</Button>
        <Button icon={<PrinterOutlined />} loading={printer.isPending} onClick={() => printer.mutate(undefined, { onError: onErr })} data-testid="submission-pdf">打印PDF</Button>
      </>}
    >
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
          { key: 'c', label: '专项行动', children: <Link to={paths.campaigns.detail(d.campaign.id, 'reports')}>{d.campaign.name}</Link> },
          { key: 'p', label: '统计期', children: `${d.round.from} 至 ${d.round.due}${d.form.cumulative ? '（累计）' : ''}` },
          { key: 'l', label: '锁定', children: d.reopenedUntil ? `已重新开放至 ${d.reopenedUntil}` : `${d.round.lockAfter} 后锁定` },
        ]} />
        <Typography.Text type="secondary">
          {d.frozen ? `以下为第 ${d.revision} 版提交时的数据，之后台账的变化不影响已提交的数据。` : '蓝色标签的数据由系统按台账自动计算（截至报送期当日24时），点开可查看对应记录；只需填写系统无法统计的项目。'}
        </Typography.Text>
      </Card>
      {d.state === 'returned' && d.reviewReason && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={`已退回：${d.reviewReason}`} description="请核实修改后重新提交。" />}
      {d.state === 'excused' && d.reviewReason && <Alert type="info" showIcon style={{ marginTop: 16 }} title={`本轮免报：${d.reviewReason}`} />}
      {d.locked && !d.frozen && <Alert type="error" showIcon style={{ marginTop: 16 }} title="本轮报表已过锁定期" description="如需补报，请联系安委办重新开放。" />}
      {groups.map((g) => (
        <Card key={g.title} size="small" title={g.title} style={{ marginTop: 16 }}>
          {g.cells.map(({ label, cell }) => (
            <CellRow key={cell.key} label={label} cell={cell} editable={editable} manual={manual[cell.key]}
              onManual={(v) => setManual((m) => ({ ...m, [cell.key]: v }))}
              onOverride={() => setOverriding(cell)}
              onRestore={() => void saveNow({ overrides: { [cell.key]: null } }).catch(onErr)} />
          ))}
        </Card>
      ))}
      {d.form.notes.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{d.form.notes.join(' ')}</Typography.Paragraph>}
      <Card size="small" style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" disabled={!editable}>
          <Flex gap={12} wrap>
            <Form.Item name="fillerName" label="填报人" style={{ flex: '1 1 160px' }}><Input maxLength={50} /></Form.Item>
            <Form.Item name="fillerPhone" label="联系电话" style={{ flex: '1 1 160px' }}><Input maxLength={30} /></Form.Item>
          </Flex>
          <Form.Item name="note" label="备注"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
        <Flex gap={8} wrap justify="flex-end">
          {editable && <Button onClick={onSave} loading={save.isPending} data-testid="submission-save">保存</Button>}
          {can('submit') && (
            <Popconfirm title="提交后数据将被锁定，确定提交？" okText="提交" cancelText="取消" onConfirm={onSubmit}>
              <Button type="primary" loading={act.isPending} data-testid="submission-submit">提交</Button>
            </Popconfirm>
          )}
          {can('approve') && <Button type="primary" onClick={() => decide('approve')} loading={act.isPending} data-testid="submission-approve">审核通过</Button>}
          {can('return') && <Button danger onClick={() => setReason('return')} data-testid="submission-return">退回</Button>}
          {can('excuse') && <Button onClick={() => setReason('excuse')} data-testid="submission-excuse">免报</Button>}
          {can('reopen') && <Button onClick={() => setReason('reopen')} data-testid="submission-reopen">重新开放</Button>}
        </Flex>
      </Card>
      {(d.versions.length > 0 || d.history.length > 0) && (
        <Card size="small" title="提交版本与办理记录" style={{ marginTop: 16 }}>
          {d.versions.length > 0 && <Typography.Paragraph>{d.versions.map((v) => `第${v.revision}版 ${formatMinute(v.submittedAt)} ${v.submittedBy}${v.late ? '（逾期）' : ''}`).join('；')}</Typography.Paragraph>}
          <Timeline items={d.history.map((h, i) => ({ key: i, content: <><b>{h.action}</b> {h.actor} <Typography.Text type="secondary">{formatMinute(h.at)}</Typography.Text>{h.note && <div>{h.note}</div>}</> }))} />
        </Card>
      )}
      <OverrideModal cell={overriding} onCancel={() => setOverriding(null)}
        onOk={(o) => void saveNow({ overrides: { [overriding!.key]: o } }).then(() => setOverriding(null), onErr)} />
      {reason && <ReasonModal open title={REASON_TITLES[reason][0]} placeholder={REASON_TITLES[reason][1]} loading={act.isPending} onCancel={() => setReason(null)} onOk={(r) => decide(reason, r)} />}
    </PageContainer>
  );
}
