// /publicity/:id: one media column, exposure or report with its link, the enterprises it exposed,
// its attachments and its timeline; 修改 and 作废 (with a reason) as its allowedActions say.
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PUBLICITY_CHANNEL_LABELS } from '../../../contract/publicity.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePublicity, useVoidPublicity } from './api/publicity.ts';
import { KindTag, datesText } from './components/labels.tsx';

export function PublicityDetailPage() {
  const { id = '' } = useParams();
  const q = usePublicity(id);
  const voider = useVoidPublicity(id);
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const backTo = paths.publicity.list;
  if (q.isPending) return <PageContainer title="宣传/曝光" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (q.isError) return <PageContainer title="宣传/曝光" backTo={backTo}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} backTo={backTo} /></PageContainer>;
  const r = q.data;
  const can = (x: (typeof r.allowedActions)[number]) => r.allowedActions.includes(x);
  const extra = (
    <>
      {can('edit') && <Link to={paths.publicity.edit(r.id)}><Button icon={<EditOutlined />} data-testid="publicity-edit">修改</Button></Link>}
      {can('void') && <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="publicity-void">作废</Button>}
    </>
  );
  return (
    <PageContainer title={r.title} subTitle={<Flex gap={4} wrap><KindTag r={r} />{r.voided && <Typography.Text type="secondary">已作废</Typography.Text>}</Flex>} backTo={backTo} extra={extra}>
      {r.voided && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`已作废：${r.voidReason ?? ''}`} description={`${formatDateTime(r.voidedAt)} 作废，不再计入报表。`} />}
      <Card size="small" style={{ maxWidth: 860 }}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="publicity-detail">
          <Descriptions.Item label="日期">{datesText(r)}</Descriptions.Item>
          <Descriptions.Item label="渠道">{PUBLICITY_CHANNEL_LABELS[r.channel]}（{r.mainstream ? '主流媒体' : '非主流媒体'}）</Descriptions.Item>
          <Descriptions.Item label="媒体名称">{r.outlet ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所属">{r.regionName}</Descriptions.Item>
          <Descriptions.Item label="链接" span="filled">
            {r.link ? <a href={r.link} target="_blank" rel="noopener noreferrer" className="break-all">{r.link}</a> : '—'}
          </Descriptions.Item>
          {r.enterprises.length > 0 && (
            <Descriptions.Item label="被曝光单位" span="filled">
              <Flex vertical gap={4}>{r.enterprises.map((e) => <Link key={e.id} to={paths.enterprises.detail(e.id)}>{e.name}</Link>)}</Flex>
            </Descriptions.Item>
          )}
          {r.summary && <Descriptions.Item label="内容摘要" span="filled"><span className="pre-wrap">{r.summary}</span></Descriptions.Item>}
          <Descriptions.Item label="截图、版面" span="filled"><FileGallery files={r.files} empty="未上传" /></Descriptions.Item>
          <Descriptions.Item label="登记" span="filled">{r.unitName} · {r.createdByName} · {formatDateTime(r.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="记录" style={{ maxWidth: 860, marginTop: 16 }}>
        <Timeline items={r.history.map((h) => ({
          content: <><div>{h.what} <span className="text-muted">{h.who}</span></div><div className="text-muted">{formatDateTime(h.at)}</div>{h.note && <div className="pre-wrap">{h.note}</div>}</>,
        }))} />
      </Card>
      <Modal
        title="作废宣传/曝光记录" open={voiding} okText="作废" okButtonProps={{ danger: true, loading: voider.isPending, disabled: reason.trim().length < 2 }} cancelText="取消"
        onCancel={() => setVoiding(false)}
        onOk={() => voider.mutate({ reason: reason.trim(), version: r.version }, {
          onSuccess: () => { setVoiding(false); void message.success('已作废'); },
          onError: (e) => void message.error(errorMessage(e)),
        })}
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="作废原因（如：重复登记、日期登记错误）" aria-label="作废原因" data-testid="publicity-void-reason" />
      </Modal>
    </PageContainer>
  );
}
