import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_TARGET_TYPE_LABELS } from '../../../contract/accountability.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAccountabilityRecord } from './api/accountability.ts';

export function AccountabilityDetailPage() {
  const { id = '' } = useParams();
  const q = useAccountabilityRecord(id);
  const backTo = paths.accountability.list;
  if (q.isPending) return <PageContainer title="问责记录" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (q.isError) return <PageContainer title="问责记录" backTo={backTo}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} backTo={backTo} /></PageContainer>;
  const r = q.data;
  const extra = r.allowedActions.includes('edit') && (
    <Link to={paths.accountability.edit(r.id)}><Button icon={<EditOutlined />} data-testid="accountability-edit">修改</Button></Link>
  );
  return (
    <PageContainer title={r.targetName} subTitle={<Tag>{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Tag>} backTo={backTo} extra={extra}>
      <Card size="small" style={{ maxWidth: 860 }}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="accountability-detail">
          <Descriptions.Item label="类型">{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Descriptions.Item>
          <Descriptions.Item label="对象类别">{ACCOUNTABILITY_TARGET_TYPE_LABELS[r.targetType]}</Descriptions.Item>
          <Descriptions.Item label={r.targetType === 'person' ? '姓名' : '单位'}>{r.targetName}</Descriptions.Item>
          {r.targetType === 'person' && <Descriptions.Item label="职务">{r.position ?? '—'}</Descriptions.Item>}
          {r.targetType === 'person' && <Descriptions.Item label="所在单位">{r.targetUnitName ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label="问责措施">{r.measure}</Descriptions.Item>
          <Descriptions.Item label="问责事由" span="filled"><span className="pre-wrap">{r.reason}</span></Descriptions.Item>
          {r.hazard && <Descriptions.Item label="关联隐患"><Link to={paths.hazards.detail(r.hazard.id)} className="mono">{r.hazard.number}</Link></Descriptions.Item>}
          {r.accident && <Descriptions.Item label="事故情况" span="filled"><span className="pre-wrap">{r.accident}</span></Descriptions.Item>}
          <Descriptions.Item label="决定日期">{r.decidedOn}</Descriptions.Item>
          <Descriptions.Item label="决定机关">{r.decidedBy}</Descriptions.Item>
          <Descriptions.Item label="文号">{r.documentNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="登记">{r.createdByName} · {formatDateTime(r.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </PageContainer>
  );
}
