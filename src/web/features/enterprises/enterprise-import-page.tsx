import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TImportPreview, TImportRowError } from '../../../contract/enterprises.ts';
import { paths } from '../../app/paths.ts';
import { enterpriseListUrl } from './components/last-list-url.ts';
import { ErrorAlert } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useCommitImport } from './api/commit-import.ts';
import { useDownloadImportTemplate } from './api/download-import-template.ts';
import { usePreviewImport } from './api/preview-import.ts';

const MAX_MB = 20;

function PreviewView({ preview }: { preview: TImportPreview }) {
  const badRows = preview.totalRows - preview.validRows;
  return (
    <>
      <Row gutter={[16, 16]} className="import-stats" data-testid="import-preview">
        <Col xs={12} md={4}><Statistic title="总行数" value={preview.totalRows} /></Col>
        <Col xs={12} md={5}><Statistic title="无误行数" value={preview.validRows} styles={{ content: { color: '#389e0d' } }} /></Col>
        <Col xs={12} md={5}><Statistic title="将新增" value={preview.toCreate} /></Col>
        <Col xs={12} md={5}><Statistic title="将更新" value={preview.toUpdate} /></Col>
        <Col xs={12} md={5}>
          <Statistic title="有误行数" value={badRows} styles={{ content: { color: badRows ? '#cf1322' : undefined } }} />
        </Col>
      </Row>
      {preview.errors.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            有误的行（导入时跳过，请修改后重新上传）
          </Typography.Title>
          <Table<TImportRowError>
            size="small"
            rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
            scroll={{ x: 400 }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 64, sorter: (a, b) => a.row - b.row, defaultSortOrder: 'ascend' },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '原因', dataIndex: 'message' },
            ]}
            data-testid="import-errors"
          />
        </>
      ) : (
        <Alert type="success" showIcon style={{ marginTop: 16 }} title="所有行均通过检查" />
      )}
    </>
  );
}

export function EnterpriseImportPage() {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const template = useDownloadImportTemplate();
  const previewer = usePreviewImport();
  const committer = useCommitImport();
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const restart = () => {
    setPreview(null);
    setUploadError(null);
    committer.reset();
    previewer.reset();
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

  const step = committer.isSuccess ? 2 : preview ? 1 : 0;
  const result = committer.data;

  return (
    <PageContainer title="导入生产经营单位" backTo={enterpriseListUrl()}>
      <Card>
        <Steps
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
            subTitle={`新增 ${result.created} 个，更新 ${result.updated} 个，跳过 ${result.skipped} 行`}
            extra={[
              <Link key="list" to={paths.enterprises.list}>
                <Button type="primary">查看单位列表</Button>
              </Link>,
              <Button key="again" onClick={restart}>继续导入</Button>,
            ]}
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
            <PreviewView preview={preview} />
            {committer.isError && <div style={{ marginTop: 16 }}><ErrorAlert error={committer.error} /></div>}
            <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 24 }}>
              <Button onClick={restart} disabled={committer.isPending}>重新上传</Button>
              <Button
                type="primary"
                onClick={commit}
                loading={committer.isPending}
                disabled={preview.validRows === 0}
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
              title="请先下载模板，按模板填写后上传。上传后系统会逐行检查，确认后才会写入；统一社会信用代码已存在的单位将被更新。"
              action={
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={template.isPending}
                  onClick={() => template.mutate(undefined, { onError: (e) => void message.error(`下载失败：${errorMessage(e)}`) })}
                  data-testid="import-template"
                >
                  下载模板
                </Button>
              }
            />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              disabled={previewer.isPending}
              beforeUpload={beforeUpload}
              customRequest={({ file, onSuccess, onError }) => {
                setUploadError(null);
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
