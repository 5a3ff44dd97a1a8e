// After a report: the tracking code, large and selectable, with copy and a PDF receipt; the page
// does not move on until the reporter says the code is saved (people who lose it lose the report).
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TPublicReportReceipt } from '../../../contract/tips.ts';
import { formatCode } from '../../../domain/tips/tracking-code.ts';
import { paths } from '../../app/paths.ts';
import { errorMessage } from '../../lib/api.ts';
import { saveBlob } from '../../lib/download.ts';
import { formatDateTime } from '../../lib/format.ts';
import { downloadReceipt } from './api.ts';

export function ReceiptView({ receipt }: { receipt: TPublicReportReceipt }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const code = formatCode(receipt.code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      message.success('查询码已复制');
    } catch {
      message.info('请长按查询码手动复制');
    }
  };
  const download = async () => {
    setDownloading(true);
    try {
      const f = await downloadReceipt(receipt.code);
      saveBlob(f.blob, f.fileName ?? '举报回执.pdf');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card size="small">
      <Result status="success" title="举报已提交" subTitle={`${receipt.townshipName}安委办将尽快核查，一般在30日内办结并答复`} style={{ padding: '12px 0' }} />
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="请保存查询码" description="查询码是查看办理进展、领取奖励的唯一凭证。工作人员无法为您找回，也不会向您索要。" />
      <div className="tracking-code" data-testid="public-code">{code}</div>
      <Flex gap={8} wrap style={{ margin: '12px 0' }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="public-copy">复制查询码</Button>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="public-receipt">下载回执（PDF）</Button>
      </Flex>
      <Descriptions size="small" column={1} items={[
        { key: 'at', label: '提交时间', children: formatDateTime(receipt.submittedAt) },
        { key: 'summary', label: '内容摘要', children: receipt.summary },
        { key: 'files', label: '照片/视频', children: receipt.fileCount ? `${receipt.fileCount} 个` : '无' },
      ]} />
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} style={{ margin: '12px 0' }} data-testid="public-saved">我已保存查询码（已复制、截图、抄写或下载回执）</Checkbox>
      <Button type="primary" block size="large" disabled={!saved} onClick={() => navigate(paths.publicReport.track, { state: { code: receipt.code } })} data-testid="public-done">
        我已保存，查看办理进展
      </Button>
    </Card>
  );
}
