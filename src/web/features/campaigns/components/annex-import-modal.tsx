// 导入清单: upload the annex (.xlsx or .docx) or paste the table from Word or Excel; the preview
// shows every row with its deadline as understood and its units as matched. A person picks the
// unit for each name not found, once for all the rows that name it (remembered as the office's
// alias for next time), rewrites a
// deadline that could not be read and confirms the uncertain ones; then all rows are written at once.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Select, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import type { TImportPreviewRow } from '../../../../contract/campaign-progress.ts';
import { errorMessage } from '../../../lib/api.ts';
import type { AnnexPreviewData, CampaignDetailData } from '../api/keys.ts';
import { previewAnnexFile, previewAnnexText, useCommitAnnex } from '../api/tasks.ts';
import { DeadlineHint } from './deadline-hint.tsx';

interface RowFix { unitIds: string[]; deadlineText: string; confirmed: boolean }
/** Unknown name → the unit a person picked for it: one pick serves every row naming it. */
type Picks = Record<string, string>;
/** A row's units: those matched by the server and those picked for its unknown names. */
const unitsOf = (r: TImportPreviewRow, f: RowFix, picked: Picks) =>
  [...new Set([...f.unitIds, ...r.unmatched.map((u) => picked[u]).filter((x): x is string => !!x)])];

export function AnnexImportModal({ campaign, open, onClose }: { campaign: CampaignDetailData; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<AnnexPreviewData | null>(null);
  const [fixes, setFixes] = useState<Record<number, RowFix>>({});
  const [picked, setPicked] = useState<Picks>({});
  const [onlyPending, setOnlyPending] = useState(false);
  const [pasted, setPasted] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitAnnex(campaign.id);
  const period = { start: campaign.periodStart, end: campaign.periodEnd };

  const load = async (p: Promise<AnnexPreviewData>) => {
    setLoading(true);
    setError(null);
    try {
      const data = await p;
      setPreview(data);
      setFixes(Object.fromEntries(data.rows.map((r) => [r.line, { unitIds: r.unitIds, deadlineText: r.deadlineText, confirmed: false }])));
      setPicked({});
      setOnlyPending(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  const fix = (line: number, patch: Partial<RowFix>) => setFixes((f) => ({ ...f, [line]: { ...f[line]!, ...patch } }));
  const unitName = useMemo(() => new Map((preview?.units ?? []).map((u) => [u.id, u.name])), [preview]);

  const blocking = (r: TImportPreviewRow) => {
    const f = fixes[r.line];
    if (!f) return true;
    const unmatchedLeft = r.unmatched.filter((u) => !picked[u]).length;
    const deadlineEdited = f.deadlineText !== r.deadlineText;
    const unread = !deadlineEdited && r.deadline.kind === 'unread';
    // A row whose only unit was an unknown name is ready once that name is given a unit.
    return unmatchedLeft > 0 || unitsOf(r, f, picked).length === 0 || unread || (!deadlineEdited && r.deadline.needsConfirmation && !f.confirmed) || f.deadlineText.trim() === '';
  };
  const left = preview ? preview.rows.filter(blocking).length : 0;

  const onCommit = () => {
    if (!preview) return;
    const named = new Set(preview.rows.flatMap((r) => r.unmatched));
    const aliases = Object.entries(picked).filter(([alias]) => named.has(alias));
    const rows = preview.rows.map((r) => {
      const f = fixes[r.line]!;
      return {
        line: r.line, rowKey: r.rowKey, kind: r.kind, number: r.number, groupName: r.groupName, action: r.action, requirement: r.requirement,
        unitsText: r.unitsText, unitIds: unitsOf(r, f, picked),
        // A unit picked for an unknown name leads, as the name it stands for did (配合单位 stay as matched).
        leadUnitIds: r.leadUnitIds.length ? [...new Set([...r.leadUnitIds, ...r.unmatched.map((u) => picked[u]).filter((x): x is string => !!x)])] : [],
        deadlineText: f.deadlineText,
        // An edited phrase is the person's own reading; an unedited uncertain one needs the tick.
        deadlineConfirmed: f.confirmed || f.deadlineText !== r.deadlineText,
      };
    });
    commit.mutate({ rows, aliases: aliases.map(([alias, unitId]) => ({ alias, unitId })) }, {
      onSuccess: (res) => { void message.success(`已导入：新增 ${res.created} 项，更新 ${res.updated} 项`); onClose(); },
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const columns = [
    { title: '行', dataIndex: 'line', key: 'line', width: 50 },
    { title: '序号', dataIndex: 'number', key: 'number', width: 55 },
    { title: '工作要求', key: 'req', render: (_v: unknown, r: TImportPreviewRow) => <Flex vertical gap={2}><Typography.Text type="secondary">{r.groupName}</Typography.Text><span>{r.requirement || <Typography.Text type="danger">缺少工作要求</Typography.Text>}</span></Flex> },
    {
      title: '责任单位', key: 'units', width: 240,
      render: (_v: unknown, r: TImportPreviewRow) => {
        const f = fixes[r.line]!;
        return (
          <Flex vertical gap={4}>
            <Flex gap={4} wrap>{f.unitIds.slice(0, 6).map((u) => <Tag key={u}>{unitName.get(u)}</Tag>)}{f.unitIds.length > 6 && <Tag>等{f.unitIds.length}个</Tag>}</Flex>
            {r.unmatched.map((u) => (
              <Flex key={u} vertical gap={2}>
                {picked[u] ? <Typography.Text type="secondary">“{u}”对应（同名的行一并处理）：</Typography.Text>
                  : <Typography.Text type="danger">“{u}”未找到，请选择对应单位：</Typography.Text>}
                <Select
                  size="small" showSearch optionFilterProp="label" placeholder="选择单位" value={picked[u]} aria-label={`“${u}”对应的单位`}
                  options={(preview?.units ?? []).map((x) => ({ value: x.id, label: x.name }))} onChange={(v: string) => setPicked((p) => ({ ...p, [u]: v }))}
                  data-testid={`import-pick-${r.line}`}
                />
              </Flex>
            ))}
          </Flex>
        );
      },
    },
    {
      title: '时限要求', key: 'deadline', width: 260,
      render: (_v: unknown, r: TImportPreviewRow) => {
        const f = fixes[r.line]!;
        const edited = f.deadlineText !== r.deadlineText;
        return (
          <Flex vertical gap={2}>
            <Input size="small" value={f.deadlineText} onChange={(e) => fix(r.line, { deadlineText: e.target.value })} aria-label={`第${r.line}行时限要求`} status={!edited && r.deadline.kind === 'unread' ? 'error' : undefined} />
            {edited ? <DeadlineHint text={f.deadlineText} period={period} /> : (
              <Typography.Text type={r.deadline.kind === 'unread' ? 'danger' : r.deadline.needsConfirmation ? 'warning' : 'secondary'}>{r.deadline.label}{r.deadline.notes.length ? `（${r.deadline.notes.join('；')}）` : ''}</Typography.Text>
            )}
            {!edited && r.deadline.kind !== 'unread' && r.deadline.needsConfirmation && (
              <Checkbox checked={f.confirmed} onChange={(e) => fix(r.line, { confirmed: e.target.checked })}>理解正确</Checkbox>
            )}
          </Flex>
        );
      },
    },
    { title: '', key: 'state', width: 70, render: (_v: unknown, r: TImportPreviewRow) => (blocking(r) ? <Tag color="error">待处理</Tag> : r.existingTaskId ? <Tag>更新</Tag> : <Tag color="success">新增</Tag>) },
  ];

  return (
    <Modal
      title="导入工作清单和责任清单" open={open} onCancel={onClose} width={1100} destroyOnHidden
      // The table fills what the window leaves, so that 导入 stays in view at 1366×768.
      style={{ top: 24 }}
      // Once a preview holds picks and edits, a click beside the dialog or an Escape meant for a
      // dropdown must not throw them away: only × closes it.
      mask={{ closable: !preview }} keyboard={!preview}
      footer={preview ? [
        <Button key="back" onClick={() => setPreview(null)}>重新选择</Button>,
        <Button key="ok" type="primary" disabled={left > 0} loading={commit.isPending} onClick={onCommit} data-testid="import-commit">
          {left > 0 ? `还有 ${left} 行待处理` : `导入 ${preview.rows.length} 行`}
        </Button>,
      ] : null}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!preview ? (
        <Tabs items={[
          {
            key: 'file', label: '上传文件',
            children: (
              <Upload.Dragger
                accept=".xlsx,.docx" showUploadList={false} disabled={loading}
                beforeUpload={(file) => { void load(previewAnnexFile(campaign.id, file)); return false; }} data-testid="import-annex-file"
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p>点击或拖入方案附件：Excel（.xlsx）或 Word（.docx）中的表格</p>
                <Typography.Text type="secondary">表头含“序号、专项行动、行动任务、工作要求、责任单位、时限要求”即可，合并单元格会自动向下填充。</Typography.Text>
              </Upload.Dragger>
            ),
          },
          {
            key: 'paste', label: '粘贴表格',
            children: (
              <Flex vertical gap={8}>
                <Input.TextArea rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="在 Word 或 Excel 中选中整张表格（含表头）复制，粘贴到这里" data-testid="import-annex-text" />
                <Button type="primary" disabled={!pasted.trim()} loading={loading} onClick={() => void load(previewAnnexText(campaign.id, pasted))} style={{ alignSelf: 'flex-start' }}>预览</Button>
              </Flex>
            ),
          },
        ]} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text>
            共 {preview.summary.rows} 行：{preview.summary.unmatchedRows} 行有未找到的单位，{preview.summary.unreadRows} 行时限无法识别，{preview.summary.toConfirmRows} 行时限需确认
            {preview.summary.updates > 0 && `；${preview.summary.updates} 行将更新此前导入的任务`}。
          </Typography.Text>
          {(left > 0 || onlyPending) && (
            <Checkbox checked={onlyPending} onChange={(e) => setOnlyPending(e.target.checked)} data-testid="import-only-pending">只看待处理的行（{left}）</Checkbox>
          )}
          {preview.problems.map((p) => <Alert key={p} type="warning" showIcon title={p} />)}
          <Table rowKey="line" size="small" dataSource={onlyPending ? preview.rows.filter(blocking) : preview.rows} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '各行均已处理，可以导入' }} scroll={{ x: 900, y: 'max(240px, calc(100vh - 400px))' }} data-testid="import-preview" />
        </Flex>
      )}
    </Modal>
  );
}
