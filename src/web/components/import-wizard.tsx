// The three steps of an xlsx import, shared by every import page: download the template,
// upload the workbook for a preview (counts and the rows with problems, each named by its
// unit, nothing written yet), then commit the good rows and show the result with the rows
// skipped. The rows not imported download with a 错误原因 column, to fix and upload again as
// they are. Each page passes its own mutations (one file per endpoint in its feature's api/),
// its counts and its texts.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { ImportCommitResult, TImportMappingInput, TImportPreview, TImportRowError } from '../../contract/enterprises.ts';
import type { z } from '../../contract/zod.ts';
import { errorMessage, isApiError } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './error-display.tsx';
import { ImportMappingPanel } from './import-mapping-panel.tsx';
import { ImportPreviewNotes } from './import-preview-notes.tsx';
import { ImportUnitNames } from './import-unit-names.tsx';
import { PageContainer } from './page-container.tsx';
import { useIsMobile } from './use-is-mobile.ts';

/** The contract's commit answer (the same for every import). */
export type TImportCommitResult = z.infer<typeof ImportCommitResult>;

const MAX_MB = 20;
const GOOD = '#389e0d';
const BAD = '#cf1322';

export interface ImportStat {
  title: string;
  value: number;
  color?: string;
}

/**
 * The counts of a preview: all rows, good rows, bad rows; `split` adds how many good rows
 * create a record and how many update one (imports that only create leave it out).
 */
export function defaultImportStats(p: TImportPreview, opts: { split: boolean }): ImportStat[] {
  const bad = p.rejectedRows;
  return [
    { title: '总行数', value: p.totalRows },
    { title: opts.split ? '无误行数' : '无误（将导入）', value: p.validRows, color: GOOD },
    ...(opts.split ? [{ title: '将新增', value: p.toCreate }, { title: '将更新', value: p.toUpdate }] : []),
    { title: '有误行数', value: bad, color: bad ? BAD : undefined },
  ];
}

/** Column spans that fill one desktop row. */
function spans(n: number): number[] {
  if (n === 5) return [4, 5, 5, 5, 5];
  const base = Math.floor(24 / n);
  return Array.from({ length: n }, (_, i) => (i === 0 ? 24 - base * (n - 1) : base));
}

/** The button that downloads a batch's rows not imported (the server names the file). */
function RejectsButton({ batchId, rejects, text }: { batchId: string; rejects: ImportWizardProps['rejects']; text: string }) {
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={rejects.isPending}
      onClick={() => rejects.mutate(batchId, { onError: (e) => void message.error(`下载失败：${errorMessage(e)}`) })}
      data-testid="import-rejects"
    >
      {text}
    </Button>
  );
}

const ERRORS_PAGE = 10;

/** The preview's problems, ten a page: the first ones came with the preview, the rest page through the server. */
function ErrorsTable({ preview, errorsPage }: { preview: TImportPreview; errorsPage: ImportWizardProps['errorsPage'] }) {
  const [page, setPage] = useState(1);
  const local = page * ERRORS_PAGE <= preview.errors.length || !errorsPage || preview.errorTotal <= preview.errors.length;
  const remote = useQuery({
    queryKey: ['import-errors', preview.batchId, page],
    queryFn: () => errorsPage!(preview.batchId, page, ERRORS_PAGE),
    enabled: !local,
  });
  const rows = local ? preview.errors.slice((page - 1) * ERRORS_PAGE, page * ERRORS_PAGE) : remote.data?.items ?? [];
  const isMobile = useIsMobile();
  return (
    <Table<TImportRowError>
      size="small"
      rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
      dataSource={rows}
      loading={!local && remote.isFetching}
      pagination={{
        current: page, pageSize: ERRORS_PAGE, total: errorsPage ? preview.errorTotal : preview.errors.length, hideOnSinglePage: true,
        showSizeChanger: false, onChange: setPage,
        showTotal: () => `共 ${preview.errorTotal} 处错误${!errorsPage && preview.errorTotal > preview.errors.length ? `，此处列出前 ${preview.errors.length} 处` : ''}`,
      }}
      // In the server's order (sheet by sheet, row by row): a template's two sheets share row numbers.
      // On a phone the unit and the column go above the reason, in one column: a table scrolling
      // sideways showed the reason and hid which unit each row was about.
      scroll={isMobile ? undefined : { x: 560 }}
      columns={isMobile ? [
        { title: '行号', dataIndex: 'row', width: 56 },
        {
          title: '问题', key: 'problem',
          render: (_: unknown, r: TImportRowError) => (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{[r.label, r.column].filter(Boolean).join(' · ')}</Typography.Text>
              {r.message}
            </>
          ),
        },
      ] : [
        { title: '行号', dataIndex: 'row', width: 64 },
        { title: '原因', dataIndex: 'message', width: 196 },
        { title: '列', dataIndex: 'column', width: 120 },
        { title: preview.labelTitle, dataIndex: 'label', width: 180, ellipsis: true, render: (v: string) => v || '—' },
      ]}
      data-testid="import-errors"
    />
  );
}

function PreviewView({ preview, stats, rejects, rejectsText, errorsPage }: Pick<ImportWizardProps, 'rejects' | 'rejectsText' | 'errorsPage'> & { preview: TImportPreview; stats: ImportStat[] }) {
  const md = spans(stats.length);
  // A missing column stops the row checks: its problems name no row's unit (label ''), and calling them 有误的行 misleads.
  const headerOnly = preview.rejectedRows === 0 && preview.errors.length > 0 && preview.errors.every((e) => e.label === '');
  return (
    <>
      <Row gutter={[16, 16]} className="import-stats" data-testid="import-preview">
        {stats.map((s, i) => (
          <Col key={s.title} xs={stats.length <= 3 ? 8 : 12} md={md[i]}>
            <Statistic title={s.title} value={s.value} styles={{ content: s.color ? { color: s.color } : undefined }} />
          </Col>
        ))}
      </Row>
      <ImportPreviewNotes preview={preview} />
      {preview.errors.length > 0 ? (
        <>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16, marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {headerOnly
                ? '文件的问题（改正前不检查各行、不能导入）'
                : `有误的行（导入时跳过${preview.rejectedRows > 0 ? '；可下载这些行，改正后直接重新上传' : '，请修改后重新上传'}）`}
            </Typography.Title>
            {preview.rejectedRows > 0 && <RejectsButton batchId={preview.batchId} rejects={rejects} text={rejectsText} />}
          </Flex>
          <ErrorsTable key={preview.batchId} preview={preview} errorsPage={errorsPage} />
        </>
      ) : (
        <Alert type="success" showIcon style={{ marginTop: 16 }} title="所有行均通过检查" />
      )}
    </>
  );
}

export interface ImportWizardProps {
  title: string;
  backTo: string;
  /** What to fill in and what the import will do, shown above the upload area. */
  intro: ReactNode;
  template: UseMutationResult<void, Error, void>;
  previewer: UseMutationResult<TImportPreview, Error, File>;
  committer: UseMutationResult<TImportCommitResult, Error, string>;
  /** Downloads a batch's rows not imported, with their reasons. */
  rejects: UseMutationResult<void, Error, string>;
  /** The preview's download button, e.g. 下载有误的行（含错误原因）. */
  rejectsText: string;
  stats: (preview: TImportPreview) => ImportStat[];
  resultText: (result: TImportCommitResult) => string;
  /** Where the finished import leads (the list it wrote into). */
  done: { to: string; text: string };
  /** Imports that read other files' columns: the same file checked again with the person's choices. */
  remapper?: UseMutationResult<TImportPreview, Error, { file: File; mapping: TImportMappingInput }>;
  /** A page of a preview's problems beyond the first ones it answered. */
  errorsPage?: (batchId: string, page: number, pageSize: number) => Promise<{ items: TImportRowError[] }>;
}

const NO_CHOICES: TImportMappingInput = { columns: {}, values: {}, defaults: {} };

export function ImportWizard(props: ImportWizardProps) {
  const { title, backTo, intro, template, previewer, committer, rejects, rejectsText, stats, resultText, done, remapper, errorsPage } = props;
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<TImportMappingInput>(NO_CHOICES);
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const restart = () => {
    setPreview(null);
    setUploadError(null);
    setFile(null);
    setChoices(NO_CHOICES);
    remapper?.reset();
    committer.reset();
    previewer.reset();
    rejects.reset();
  };

  const beforeUpload = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      void message.error('请上传 .xlsx 格式的 Excel 文件');
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_MB * 1024 * 1024) {
      void message.error(`文件不能超过 ${MAX_MB} MB`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const commit = () => {
    if (!preview) return;
    committer.mutate(preview.batchId, {
      onError: (e) => {
        if (isApiError(e, 'NOT_FOUND') || isApiError(e, 'CONFLICT')) {
          void message.warning(`${e.message}，请重新上传文件`);
          restart();
        }
      },
    });
  };

  /** The same file checked again with the person's changed choices (columns, values, unit names). */
  const remap = (file: File, mapping: TImportMappingInput) => {
    // kept only once the server took them: a refused choice must not ride along with every later one
    remapper?.mutate({ file, mapping }, {
      onSuccess: (p) => {
        setChoices(mapping);
        setPreview(p);
      },
    });
  };

  const templateButton = (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={template.isPending}
      onClick={() => template.mutate(undefined, { onError: (e) => void message.error(`下载失败：${errorMessage(e)}`) })}
      data-testid="import-template"
    >
      下载模板
    </Button>
  );

  const result = committer.data;
  const step = result ? 3 : preview ? 1 : 0;

  return (
    <PageContainer title={title} backTo={backTo}>
      <Card>
        <Steps
          // Past the last step once imported: all three show as done.
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: '上传文件' }, { title: '检查结果' }, { title: '完成导入' }]}
          responsive={false}
          titlePlacement={isMobile ? 'vertical' : 'horizontal'}
        />

        {result ? (
          <Result
            status="success"
            title="导入完成"
            subTitle={resultText(result)}
            // spaced when they wrap onto several lines (a phone), not stacked edge to edge
            extra={(
              <Flex wrap gap={8} justify="center">
                <Link to={done.to}>
                  <Button type="primary" data-testid="import-done">{done.text}</Button>
                </Link>
                {/* The rows skipped (the preview's and any the commit could not write) with their reasons. */}
                {result.skipped > 0 && preview && <RejectsButton batchId={preview.batchId} rejects={rejects} text={`下载未导入的 ${result.skipped} 行`} />}
                <Button onClick={restart}>继续导入</Button>
              </Flex>
            )}
            data-testid="import-result"
          />
        ) : preview ? (
          <>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
              <Typography.Text>
                文件：<Typography.Text strong>{preview.fileName}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">检查结果保留至 {formatDateTime(preview.expiresAt)}，此前尚未写入任何数据</Typography.Text>
            </Flex>
            {preview.mapping && remapper && file && (
              <ImportMappingPanel
                key={preview.batchId}
                mapping={preview.mapping}
                chosen={choices}
                pending={remapper.isPending}
                onApply={(mapping) => remap(file, mapping)}
              />
            )}
            {remapper && file && (
              <ImportUnitNames
                preview={preview}
                chosen={choices}
                pending={remapper.isPending}
                onApply={(mapping) => remap(file, mapping)}
              />
            )}
            {remapper?.isError && <div style={{ marginBottom: 16 }}><ErrorAlert error={remapper.error} /></div>}
            <PreviewView preview={preview} stats={stats(preview)} rejects={rejects} rejectsText={rejectsText} errorsPage={errorsPage} />
            {committer.isError && <div style={{ marginTop: 16 }}><ErrorAlert error={committer.error} /></div>}
            <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 24 }}>
              <Button onClick={restart} disabled={committer.isPending} data-testid="import-restart">重新上传</Button>
              <Button
                type="primary"
                onClick={commit}
                loading={committer.isPending}
                disabled={preview.validRows === 0 || remapper?.isPending}
                data-testid="import-commit"
              >
                确认导入{preview.validRows > 0 ? `（${preview.validRows} 行）` : ''}
              </Button>
            </Flex>
          </>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={intro}
              // beside the text at a desk; under it on a phone, where beside it squeezed the text into a narrow column
              {...(isMobile ? { description: <div style={{ marginTop: 8 }}>{templateButton}</div> } : { action: templateButton })}
            />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              disabled={previewer.isPending}
              beforeUpload={beforeUpload}
              customRequest={({ file, onSuccess, onError }) => {
                setUploadError(null);
                setFile(file as File);
                previewer.mutate(file as File, {
                  onSuccess: (p) => {
                    setPreview(p);
                    onSuccess?.(p);
                  },
                  onError: (e) => {
                    setUploadError(e);
                    onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
                  },
                });
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{previewer.isPending ? '正在检查，请稍候…' : '点击或拖拽 .xlsx 文件到此处上传'}</p>
              <p className="ant-upload-hint">单个文件，不超过 {MAX_MB} MB</p>
            </Upload.Dragger>
            {uploadError ? <div style={{ marginTop: 16 }}><ErrorAlert error={uploadError} /></div> : null}
          </>
        )}
      </Card>
    </PageContainer>
  );
}
