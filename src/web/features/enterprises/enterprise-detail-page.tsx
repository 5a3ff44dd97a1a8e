import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { VENUE_TYPE_LABELS } from '../../../domain/enterprises/enterprise-rules.ts';
import { paths } from '../../app/paths.ts';
import { enterpriseListUrl } from './components/last-list-url.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { EnterpriseStatusTag, RiskGradeTag, enterpriseKindText } from '../../components/status-tags.tsx';
import { userCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { EnterpriseHazards } from './components/enterprise-hazards.tsx';
import { EnterpriseSelfInspection } from '../schedules/components/enterprise-self-inspection.tsx';
import { VoidEnterpriseModal } from './components/void-enterprise-modal.tsx';
import { EnterpriseInspections } from '../inspections/components/enterprise-inspections.tsx';
import { EnterpriseCases } from '../cases/components/enterprise-cases.tsx';
import { EnterpriseDrills } from '../drills/components/enterprise-drills.tsx';

const yesNo = (v: boolean) => (v ? <Tag color="volcano">是</Tag> : '否');

export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const query = useEnterprise(id);
  const [voidOpen, setVoidOpen] = useState(false);
  const backTo = me.enterpriseId !== null ? undefined : enterpriseListUrl();

  if (query.isPending) {
    return (
      <PageContainer title="单位详情" backTo={backTo}>
        <Card><Skeleton active /></Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return (
      <PageContainer title="单位详情" backTo={backTo}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={enterpriseListUrl()} />
      </PageContainer>
    );
  }
  const e = query.data;
  const can = (a: (typeof e.allowedActions)[number]) => e.allowedActions.includes(a);

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '单位名称', children: e.name },
    { key: 'uscc', label: '统一社会信用代码', children: e.uscc ? <span className="mono">{e.uscc}</span> : '—' },
    { key: 'kind', label: '单位类型', children: enterpriseKindText(e.kind, null) },
    ...(e.kind === 'small_venue'
      ? [{ key: 'venueType', label: '场所类型', children: e.venueType ? VENUE_TYPE_LABELS[e.venueType] : '—' }]
      : []),
    { key: 'village', label: '所属村/社区', children: e.villageName },
    { key: 'address', label: '地址', children: e.address, span: 'filled' },
    {
      key: 'sectors',
      label: '行业领域',
      span: 'filled',
      children: e.sectorNames.length ? e.sectorNames.map((n) => <Tag key={n}>{n}</Tag>) : '—',
    },
    {
      key: 'employees',
      label: '从业人数',
      children: (
        <Space size={4}>
          {e.employeeCount ?? '未填写'}
          {e.isSmall && <Tag color="cyan">小微企业</Tag>}
        </Space>
      ),
    },
    { key: 'principal', label: '主要负责人', children: e.principalName },
    { key: 'principalPhone', label: '负责人电话', children: <a href={`tel:${e.principalPhone}`}>{e.principalPhone}</a> },
    { key: 'safetyManager', label: '安全管理人员', children: e.safetyManagerName ?? '—' },
    {
      key: 'safetyManagerPhone',
      label: '安全管理人员电话',
      children: e.safetyManagerPhone ? <a href={`tel:${e.safetyManagerPhone}`}>{e.safetyManagerPhone}</a> : '—',
    },
    { key: 'grade', label: '风险分级', children: <RiskGradeTag grade={e.riskGrade} /> },
    { key: 'isKey', label: '重点监管', children: yesNo(e.isKey) },
    { key: 'isHighRisk', label: '高危行业', children: yesNo(e.isHighRisk) },
    { key: 'status', label: '经营状态', children: <EnterpriseStatusTag status={e.status} /> },
    { key: 'createdAt', label: '录入时间', children: formatDateTime(e.createdAt) },
    { key: 'updatedAt', label: '更新时间', children: formatDateTime(e.updatedAt) },
  ];

  const extra = (
    <>
      {can('edit') && (
        <Link to={paths.enterprises.edit(e.id)}>
          <Button type="primary" icon={<EditOutlined />} data-testid="enterprise-edit">编辑</Button>
        </Link>
      )}
      {can('void') && (
        <Button danger icon={<StopOutlined />} onClick={() => setVoidOpen(true)} data-testid="enterprise-void">
          作废
        </Button>
      )}
    </>
  );

  return (
    <PageContainer title={e.name} backTo={backTo} extra={extra}>
      {e.voidedAt && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该单位已于 ${formatDateTime(e.voidedAt)} 作废`}
          description={e.voidReason ? `作废原因：${e.voidReason}` : undefined}
          data-testid="enterprise-voided"
        />
      )}
      <Card>
        <Descriptions
          items={items}
          column={{ xs: 1, sm: 1, md: 2 }}
          size={isMobile ? 'small' : 'middle'}
          bordered
          layout={isMobile ? 'vertical' : 'horizontal'}
          styles={isMobile ? undefined : { label: { width: 150, whiteSpace: 'nowrap' } }}
        />
      </Card>
      <EnterpriseHazards enterpriseId={e.id} canReport={e.allowedActions.includes('report_hazard')} />
      <EnterpriseSelfInspection enterpriseId={e.id} />
      <EnterpriseInspections enterpriseId={e.id} canStart={e.allowedActions.includes('start_inspection')} />
      <EnterpriseCases enterpriseId={e.id} canOpen={e.allowedActions.includes('open_case')} />
      {userCan(me, 'read:drill') && <EnterpriseDrills enterpriseId={e.id} canRecord={!e.voidedAt} />}
      {can('void') && <VoidEnterpriseModal enterprise={e} open={voidOpen} onClose={() => setVoidOpen(false)} />}
    </PageContainer>
  );
}
