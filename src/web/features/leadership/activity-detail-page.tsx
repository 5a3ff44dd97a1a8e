// /leadership/:id: one leaders' activity with its attachments and what it produced; 修改 and 作废
// (with a reason) as its allowedActions say.
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LEVEL_LABELS, LEADER_POST_LABELS } from '../../../domain/supervision/leadership.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useActivity, useVoidActivity } from './api/leadership.ts';

export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const q = useActivity(id);
  const voider = useVoidActivity(id);
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const backTo = paths.leadership.list;
  if (q.isPending) return <PageContainer title="领导活动" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (q.isError) return <PageContainer title="领导活动" backTo={backTo}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} backTo={backTo} /></PageContainer>;
  const a = q.data;
  const can = (x: (typeof a.allowedActions)[number]) => a.allowedActions.includes(x);
  const extra = (
    <>
      {can('edit') && <Link to={paths.leadership.edit(a.id)}><Button icon={<EditOutlined />} data-testid="leadership-edit">修改</Button></Link>}
      {can('void') && <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="leadership-void">作废</Button>}
    </>
  );
  return (
    <PageContainer title={a.topic} subTitle={<Flex gap={4} wrap><Tag>{ACTIVITY_KIND_LABELS[a.kind]}</Tag>{a.voided && <Tag color="default">已作废</Tag>}</Flex>} backTo={backTo} extra={extra}>
      {a.voided && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`已作废：${a.voidReason ?? ''}`} description={`${formatDateTime(a.voidedAt)} 作废，不再计入频次要求。`} />}
      <Card size="small" style={{ maxWidth: 860 }}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="leadership-detail">
          <Descriptions.Item label="活动类型">{ACTIVITY_KIND_LABELS[a.kind]}</Descriptions.Item>
          <Descriptions.Item label="活动日期">{a.heldOn}</Descriptions.Item>
          <Descriptions.Item label="参加领导" span="filled">
            <Flex gap={4} wrap>{a.leaders.map((l, i) => <Tag key={i}>{l.name} · {LEADER_POST_LABELS[l.post]}</Tag>)}</Flex>
          </Descriptions.Item>
          <Descriptions.Item label="级别">{ACTIVITY_LEVEL_LABELS[a.level]}</Descriptions.Item>
          <Descriptions.Item label="地点">{a.place ?? '—'}</Descriptions.Item>
          {a.enterprise && <Descriptions.Item label="到访企业" span="filled"><Link to={paths.enterprises.detail(a.enterprise.id)}>{a.enterprise.name}</Link></Descriptions.Item>}
          {a.summary && <Descriptions.Item label="活动情况" span="filled"><span className="pre-wrap">{a.summary}</span></Descriptions.Item>}
          <Descriptions.Item label="会议纪要、照片" span="filled"><FileGallery files={a.files} empty="未上传" /></Descriptions.Item>
          {a.campaign && <Descriptions.Item label="专项行动" span="filled"><Link to={paths.campaigns.detail(a.campaign.id, 'leadership')}>{a.campaign.name}</Link></Descriptions.Item>}
          {a.tasks.length > 0 && (
            <Descriptions.Item label="相关任务" span="filled">
              <Flex vertical gap={4}>{a.tasks.map((t) => <span key={t.id}>{t.number ? `${t.number}. ` : ''}{t.requirement}</span>)}</Flex>
            </Descriptions.Item>
          )}
          {a.hazards.length > 0 && (
            <Descriptions.Item label="发现的隐患" span="filled">
              <Flex vertical gap={4}>{a.hazards.map((h) => <Link key={h.id} to={paths.hazards.detail(h.id)}><span className="mono">{h.number}</span> {h.description}</Link>)}</Flex>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="登记">{a.unitName} · {a.createdByName} · {formatDateTime(a.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Modal
        title="作废领导活动" open={voiding} okText="作废" okButtonProps={{ danger: true, loading: voider.isPending, disabled: reason.trim().length < 2 }} cancelText="取消"
        onCancel={() => setVoiding(false)}
        onOk={() => voider.mutate({ reason: reason.trim(), version: a.version }, {
          onSuccess: () => { setVoiding(false); void message.success('已作废'); },
          onError: (e) => void message.error(errorMessage(e)),
        })}
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="作废原因（如：重复登记、日期登记错误）" data-testid="leadership-void-reason" />
      </Modal>
    </PageContainer>
  );
}
