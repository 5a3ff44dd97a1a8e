import { Card, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { TEnterprise } from '../../../../contract/enterprises.ts';
import { paths } from '../../../app/paths.ts';
import { EnterpriseStatusTag, FlagTags, RiskGradeTag, enterpriseKindText } from '../../../components/status-tags.tsx';
import { CardList, type PagedViewProps } from '../../../components/paged-list.tsx';

/** The enterprise list for phone widths: one card per enterprise. */
export function EnterpriseCards(p: PagedViewProps<TEnterprise>) {
  return (
    <CardList
      {...p}
      emptyText="没有符合条件的单位"
      unit="个"
      testId="enterprise-cards"
      renderItem={(e) => (
        <Link key={e.id} to={paths.enterprises.detail(e.id)} className="card-link" data-testid="enterprise-link">
          <Card size="small" className={e.voidedAt ? 'row-voided' : undefined}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong className="card-title">{e.name}</Typography.Text>
              <RiskGradeTag grade={e.riskGrade} />
            </Flex>
            <div className="card-meta">
              {enterpriseKindText(e.kind, e.venueType)} · {e.villageName}
              {e.employeeCount != null && ` · ${e.employeeCount}人`}
            </div>
            {e.sectorNames.length > 0 && <div className="card-meta">{e.sectorNames.join('、')}</div>}
            <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
              <Space size={0} wrap>
                <EnterpriseStatusTag status={e.status} voided={!!e.voidedAt} />
                <FlagTags isKey={e.isKey} isHighRisk={e.isHighRisk} isSmall={e.isSmall} />
              </Space>
              <Typography.Text type="secondary">
                {e.principalName} {e.principalPhone}
              </Typography.Text>
            </Flex>
          </Card>
        </Link>
      )}
    />
  );
}
