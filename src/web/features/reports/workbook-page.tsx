// /report-templates/new: 上传本镇报表. The office uploads its own Excel form as it already has it,
// sees the sheet, clicks each blank cell to bind it to a metric (with parameters) or mark it
// manual (a grid form: the first unit row and one column per figure), and saves it to the
// district's library; opened from a campaign, the form is then added to that campaign. Export
// fills this same workbook.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Form, Input, InputNumber, Segmented, Select, Space, Switch, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FILLER_KINDS, FILLER_KIND_LABELS, type FillerKind, MANUAL_TYPE_LABELS } from '../../../domain/reports/template.ts';
import { colLetters, colNumber, parseAddress } from '../../../domain/reports/workbook.ts';
import { paths } from '../../app/paths.ts';
import { NoAccess } from '../../components/no-access.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCan } from '../../lib/abilities.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { useAttachForm } from './api/reports.ts';
import { type MetricInfo, type WorkbookPreview, useMetrics, useSaveWorkbookTemplate, useUploadWorkbook } from './api/workbooks.ts';
import { BindingPanel, type Bound } from './components/binding-panel.tsx';
import { drawSheet, keyForCell, keyForColumn, proposedLabel } from './components/workbook-grid.ts';
import { type CellMark, WorkbookSheet } from './components/workbook-sheet.tsx';

type Mode = 'sheet' | 'grid';
interface Meta { name: string; fillers: FillerKind[]; dueText: string; cumulative: boolean; graceDays: number }

/** The first row under the headings whose cells are blank and bordered: where a grid's units most likely start. */
function guessUnitRow(p: WorkbookPreview): number {
  const s = drawSheet(p);
  for (let r = 2; r <= p.rows; r++) {
    let blank = 0, bordered = 0;
    for (let c = 1; c <= p.cols; c++) {
      if (s.covered(r, c)) continue;
      const cell = s.at(r, c);
      if (cell?.border) bordered++;
      if (cell?.border && !cell.filled) blank++;
    }
    if (bordered > 1 && blank === bordered) return r;
  }
  return Math.min(2, p.rows);
}

/** Where a bound figure comes from, in words: the metric and its parameters by their labels. */
function sourceText(b: Bound, metrics: readonly MetricInfo[]): string {
  const s = b.source;
  if (s.kind === 'manual') return `手工填写（${MANUAL_TYPE_LABELS[s.type]}）`;
  const m = metrics.find((x) => x.key === s.metric);
  const params = Object.entries(s.params ?? {}).filter(([, v]) => v).map(([name, v]) => {
    const p = m?.params.find((x) => x.name === name);
    const value = v.split(',').map((one) => p?.values?.find((o) => o.value === one)?.label ?? one).join('、');
    return p ? `${p.label}：${value}` : value;
  });
  return `自动统计：${m?.label ?? s.metric}${params.length ? `（${params.join('；')}）` : ''}`;
}

function UploadStep({ onDone }: { onDone: (p: WorkbookPreview) => void }) {
  const upload = useUploadWorkbook();
  return (
    <Card>
      <Typography.Paragraph>上传本镇正在使用的 Excel 报表（.xlsx），不用改动格式。上传后在表格中点击每个需要填数的空白格，选择它由系统按台账自动统计，还是由各单位手工填写。导出时按原表格式（合并单元格、边框、字体、打印设置、文本框）原样填入数字。</Typography.Paragraph>
      <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} showUploadList={false} disabled={upload.isPending}
        beforeUpload={(file) => { upload.mutate(file, { onSuccess: onDone }); return false; }} data-testid="workbook-upload">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{upload.isPending ? '正在读取…' : '点击或拖入 .xlsx 文件'}</p>
        <p className="ant-upload-hint">只读取第一张工作表；旧版 .xls 请先另存为 .xlsx</p>
      </Upload.Dragger>
      {upload.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(upload.error)} data-testid="workbook-upload-error" />}
    </Card>
  );
}

export function WorkbookPage() {
  const can = useCan();
  const [sp] = useSearchParams();
  const campaignId = sp.get('campaign') ?? '';
  const back = campaignId ? paths.campaigns.detail(campaignId, 'reports') : paths.campaigns.list;
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  if (!can('review:report')) return <NoAccess text="只有安委办和管理员可以上传报表模板" />;
  return (
    <PageContainer title="上传本镇报表" subTitle={preview ? `${preview.fileName} · 工作表“${preview.sheet}”` : '把现有的 Excel 报表变成系统模板'} backTo={back}>
      {preview ? <Binder preview={preview} campaignId={campaignId} back={back} onRestart={() => setPreview(null)} />
        : <UploadStep onDone={setPreview} />}
    </PageContainer>
  );
}

function Binder({ preview, campaignId, back, onRestart }: { preview: WorkbookPreview; campaignId: string; back: string; onRestart: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const metrics = useMetrics();
  const save = useSaveWorkbookTemplate();
  const attach = useAttachForm(campaignId);
  const [form] = Form.useForm<Meta>();
  const [mode, setMode] = useState<Mode>('sheet');
  const [cells, setCells] = useState<Record<string, Bound>>({});
  const [unitCell, setUnitCell] = useState<string | null>(null);
  const [grid, setGrid] = useState<{ row: number; unitColumn: string; kind: FillerKind }>(() => ({ row: guessUnitRow(preview), unitColumn: 'A', kind: 'village' }));
  const [columns, setColumns] = useState<Record<string, Bound>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const sheet = useMemo(() => drawSheet(preview), [preview]);
  const fieldErrors = save.error instanceof ApiError ? Object.entries(save.error.fieldErrors ?? {}) : [];

  const marks = useMemo(() => {
    const out = new Map<string, CellMark>();
    if (mode === 'sheet') {
      for (const [a, b] of Object.entries(cells)) out.set(a, { text: b.label, tone: 'bound' });
      if (unitCell) out.set(unitCell, { text: '〔填报单位〕', tone: 'unit' });
    } else {
      out.set(`${grid.unitColumn}${grid.row}`, { text: '〔单位名称〕', tone: 'unit' });
      for (const [col, b] of Object.entries(columns)) {
        out.set(`${col}${grid.row}`, { text: b.label, tone: 'bound' });
        // the drawn rows below repeat the column (not a 合计 row: its unit cell has text)
        for (let r = grid.row + 1; r <= Math.min(preview.rows, grid.row + 2); r++) {
          if (sheet.bindable(`${col}${r}`) && !sheet.textAt(r, colNumber(grid.unitColumn)).trim()) out.set(`${col}${r}`, { text: '⋯', tone: 'repeat' });
        }
      }
    }
    return out;
  }, [mode, cells, unitCell, grid, columns, preview.rows, sheet]);

  const pick = (a: string) => {
    const pos = parseAddress(a);
    if (!pos) return;
    if (mode === 'sheet') return setSelected(a);
    const col = colLetters(pos.col);
    if (col === grid.unitColumn) return void message.info(`${col}列用于写单位名称；如需更改，请在上方选择“单位名称所在列”`);
    if (pos.row !== grid.row) {
      if (Object.keys(columns).length > 0) return void message.info(`已从第${grid.row}行起按行填报；如需更改起始行，请在上方修改`);
      setGrid({ ...grid, row: pos.row });
    }
    setSelected(`${col}${pos.row}`);
  };

  const sel = selected ? parseAddress(selected) : null;
  const selColumn = sel ? colLetters(sel.col) : '';
  const current = !selected ? null : mode === 'sheet' ? cells[selected] ?? null : columns[selColumn] ?? null;
  const apply = (b: Bound | 'unit') => {
    if (!selected) return;
    if (mode === 'grid') {
      if (b !== 'unit') setColumns({ ...columns, [selColumn]: b });
    } else if (b === 'unit') {
      const rest = { ...cells };
      delete rest[selected];
      setCells(rest);
      setUnitCell(selected);
    } else {
      setCells({ ...cells, [selected]: b });
      if (unitCell === selected) setUnitCell(null);
    }
    setSelected(null);
  };
  const clear = () => {
    if (!selected) return;
    if (mode === 'grid') { const rest = { ...columns }; delete rest[selColumn]; setColumns(rest); }
    else { const rest = { ...cells }; delete rest[selected]; setCells(rest); if (unitCell === selected) setUnitCell(null); }
    setSelected(null);
  };

  const bound = mode === 'sheet'
    ? Object.entries(cells).map(([at, b]) => ({ at, b })).sort((x, y) => parseAddress(x.at)!.row - parseAddress(y.at)!.row || parseAddress(x.at)!.col - parseAddress(y.at)!.col)
    : Object.entries(columns).map(([at, b]) => ({ at, b })).sort((x, y) => colNumber(x.at) - colNumber(y.at));
  const remove = (at: string) => {
    if (mode === 'grid') { const rest = { ...columns }; delete rest[at]; setColumns(rest); }
    else { const rest = { ...cells }; delete rest[at]; setCells(rest); }
  };

  const submit = () => void form.validateFields().then((meta) => {
    const body = {
      fileId: preview.fileId, name: meta.name, dueText: meta.dueText, cumulative: meta.cumulative, graceDays: meta.graceDays,
      fillers: mode === 'grid' ? [grid.kind] : meta.fillers,
      cells: mode === 'sheet' ? cells : {}, unitCell: mode === 'sheet' ? unitCell : null,
      grid: mode === 'grid' ? { ...grid, columns } : null,
    };
    save.mutate(body, {
      onSuccess: (t) => {
        if (!campaignId) { void message.success(`“${t.name}”已保存到报表库`); navigate(back); return; }
        attach.mutate({ ref: t.ref }, {
          onSuccess: () => void message.success(`“${t.name}”已保存并添加到本专项行动`),
          onError: (e) => void message.warning(`已保存到报表库，但未能添加到专项行动：${errorMessage(e)}`),
          onSettled: () => navigate(back),
        });
      },
    });
  });

  const panelTitle = !selected ? '' : mode === 'grid' ? `${selColumn}列（每个单位一行，从第${grid.row}行起）` : `单元格 ${selected}`;
  const panel = selected && metrics.data ? (
    <BindingPanel key={`${mode}-${selected}`} title={panelTitle} initial={current} isUnitName={mode === 'sheet' && unitCell === selected}
      proposed={proposedLabel(sheet, mode === 'grid' ? `${selColumn}${grid.row}` : selected)} indicator={mode === 'grid' ? keyForColumn(selColumn) : keyForCell(selected)}
      metrics={metrics.data.items} allowUnitName={mode === 'sheet'} onApply={apply} onClear={clear} />
  ) : null;
  const letters = Array.from({ length: preview.cols }, (_, i) => colLetters(i + 1));

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="报表信息" extra={<Button size="small" onClick={onRestart} data-testid="workbook-restart">重新上传</Button>}>
        <Form form={form} layout={isMobile ? 'vertical' : 'inline'} style={{ rowGap: 8 }}
          initialValues={{ name: preview.fileName.replace(/\.xlsx$/i, '').slice(0, 100), fillers: ['village'], dueText: '每月28日前', cumulative: true, graceDays: 3 }}>
          <Form.Item name="name" label="报表名称" rules={[{ required: true, whitespace: true, message: '请填写报表名称' }]}><Input maxLength={100} style={{ width: 240 }} data-testid="workbook-name" /></Form.Item>
          {mode === 'sheet' && (
            <Form.Item name="fillers" label="填报单位" rules={[{ required: true, message: '请选择填报单位类型' }]}>
              <Select mode="multiple" style={{ minWidth: 200 }} data-testid="workbook-fillers" options={FILLER_KINDS.map((k) => ({ value: k, label: FILLER_KIND_LABELS[k] }))} />
            </Form.Item>
          )}
          <Form.Item name="dueText" label="报送时限" rules={[{ required: true, whitespace: true, message: '请填写报送时限' }]} tooltip="如：每月28日前；每月14日和月底18:00前">
            <Input maxLength={100} style={{ width: 200 }} data-testid="workbook-due" />
          </Form.Item>
          <Form.Item name="cumulative" label="累计数" valuePropName="checked" tooltip="开启：每次报送自专项行动开始的累计数；关闭：只报本期"><Switch /></Form.Item>
          <Form.Item name="graceDays" label="到期后锁定宽限（天）"><InputNumber min={0} max={60} precision={0} /></Form.Item>
        </Form>
      </Card>
      <Card size="small" title="绑定单元格">
        <Flex vertical gap={12}>
          <Segmented value={mode} onChange={(v) => { setMode(v as Mode); setSelected(null); }} data-testid="workbook-mode"
            options={[{ value: 'sheet', label: '一个单位填一张表' }, { value: 'grid', label: '每个单位填一行' }]} />
          {mode === 'grid' ? (
            <Flex gap="8px 16px" wrap align="center">
              <Space size={4}><label htmlFor="grid-row">单位从第</label><InputNumber id="grid-row" min={2} max={preview.rows} value={grid.row} onChange={(v) => v && setGrid({ ...grid, row: v })} style={{ width: 72 }} data-testid="grid-row" /><span>行起</span></Space>
              <Space size={4}><label htmlFor="grid-col">单位名称所在列</label><Select id="grid-col" value={grid.unitColumn} onChange={(v: string) => setGrid({ ...grid, unitColumn: v })} options={letters.map((l) => ({ value: l, label: l }))} style={{ width: 72 }} data-testid="grid-unit-column" /></Space>
              <Space size={4}><label htmlFor="grid-kind">每行一个</label><Select id="grid-kind" value={grid.kind} onChange={(v: FillerKind) => setGrid({ ...grid, kind: v })} options={FILLER_KINDS.map((k) => ({ value: k, label: FILLER_KIND_LABELS[k] }))} style={{ width: 160 }} data-testid="grid-kind" /></Space>
            </Flex>
          ) : null}
          <Typography.Text type="secondary">
            {mode === 'sheet' ? '点击需要填数的空白格，设置它的来源；也可以把一个空白格设为“填报单位名称”。' : `点击第${grid.row}行中需要填数的空白格，设置这一列的来源；导出汇总表时每个单位一行，行数不够时按第${grid.row}行的格式增加。`}
          </Typography.Text>
          <Flex gap={16} align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              <WorkbookSheet preview={preview} marks={marks} selected={mode === 'grid' && selected ? `${selColumn}${grid.row}` : selected} onPick={pick} />
              {preview.truncated && <Typography.Text type="warning">表格较大，只显示了前 {preview.rows} 行、{preview.cols} 列。</Typography.Text>}
            </div>
            {!isMobile && <Card size="small" style={{ width: 320, flex: 'none' }}>{panel ?? <Typography.Text type="secondary">点击左侧表格中的空白格进行设置</Typography.Text>}</Card>}
          </Flex>
        </Flex>
      </Card>
      {isMobile && <Drawer open={Boolean(panel)} placement="bottom" size="75%" onClose={() => setSelected(null)} title="设置单元格" destroyOnHidden>{panel}</Drawer>}
      <Card size="small" title={`已绑定 ${bound.length} 项`}>
        {bound.length === 0 ? <Empty description="还没有绑定单元格" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <Table rowKey="at" size="small" pagination={false} dataSource={bound} scroll={{ x: 480 }} data-testid="workbook-bindings"
            columns={[
              { title: mode === 'grid' ? '列' : '单元格', dataIndex: 'at', width: 70 },
              { title: '指标', key: 'label', render: (_v, x) => `${x.b.label}${x.b.unit && !x.b.label.includes('（') ? `（${x.b.unit}）` : ''}` },
              { title: '来源', key: 'source', render: (_v, x) => sourceText(x.b, metrics.data?.items ?? []) },
              { title: '', key: 'op', width: 110, render: (_v, x) => <Flex gap={4}><Button size="small" type="link" onClick={() => pick(mode === 'grid' ? `${x.at}${grid.row}` : x.at)}>修改</Button><Button size="small" type="link" danger onClick={() => remove(x.at)}>删除</Button></Flex> },
            ]} />
        )}
        {mode === 'sheet' && unitCell && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{unitCell} 写入填报单位名称</Typography.Paragraph>}
      </Card>
      {save.isError && (
        <Alert type="error" showIcon title={errorMessage(save.error)} data-testid="workbook-save-error"
          description={fieldErrors.length > 1 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{fieldErrors.flatMap(([, msgs]) => msgs).map((m) => <li key={m}>{m}</li>)}</ul> : undefined} />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={() => navigate(back)}>取消</Button>
        <Button type="primary" loading={save.isPending || attach.isPending} disabled={bound.length === 0} onClick={submit} data-testid="workbook-save">
          {campaignId ? '保存并添加到专项行动' : '保存到报表库'}
        </Button>
      </Flex>
    </Flex>
  );
}
