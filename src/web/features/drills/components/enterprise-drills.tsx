// The 应急演练与培训 section of an enterprise's page (and the top of an enterprise's own list): this
// year's state per category, the latest records, and a link to record one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { useCan } from '../../../lib/abilities.ts';
import { useCompliance, useDrillList } from '../api/drills.ts';
import { ComplianceFigures } from './compliance-figures.tsx';
import { DrillStateTag, kindLabel } from './labels.tsx';

const RECENT = 5;

/** This year's figures of one enterprise (its own list shows them above the records). */
export function EnterpriseCompliance({ enterpriseId }: { enterpriseId: string }) {
  const q = useCompliance({ enterpriseId, pageSize: 1 });
  if (q.isError) return <ErrorAlert error={q.error} />;
  const item = q.data?.items[0];
  if (!q.data) return null;
  if (!item) return <Typography.Text type="secondary">该单位已停业或作废，不再要求开展演练和培训</Typography.Text>;
  return (
    <>
      <Typography.Text type="secondary" className="form-hint">{q.data.year}年（截至 {q.data.today}）</Typography.Text>
      <ComplianceFigures item={item} />
    </>
  );
}

export function EnterpriseDrills({ enterpriseId, canRecord }: { enterpriseId: string; canRecord: boolean }) {
  const can = useCan();
  const list = useDrillList({ enterpriseId, staff: 'false', pageSize: RECENT });
  const extra = (
    <Flex gap={12} align="center">
      {canRecord && can('record:drill') && (
        <Link to={paths.drills.create({ enterpriseId })}><Button size="small" icon={<PlusOutlined />} data-testid="enterprise-drill-create">登记演练/培训</Button></Link>
      )}
      <Link to={paths.drills.filtered({ enterpriseId })} data-testid="enterprise-drills-all">全部记录</Link>
    </Flex>
  );
  const items = list.data?.items ?? [];
  return (
    <Card title="应急演练与培训" size="small" extra={extra} style={{ marginTop: 16 }} data-testid="enterprise-drills">
      {can('read:drill_compliance') && <EnterpriseCompliance enterpriseId={enterpriseId} />}
      <Divider style={{ margin: '12px 0' }} />
      {list.isError ? <ErrorAlert error={list.error} />
        : list.isPending ? <Skeleton active title={false} paragraph={{ rows: 2 }} />
          : items.length === 0 ? <Empty description="尚无演练和培训记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            : (
              <Flex vertical gap={8} data-testid="enterprise-drills-recent">
                {items.map((d) => (
                  <Flex key={d.id} justify="space-between" align="center" gap={8} wrap>
                    <Link to={paths.drills.detail(d.id)}>{d.heldOn}<Tag style={{ marginInline: 6 }}>{kindLabel(d)}</Tag>{d.participants}人</Link>
                    <DrillStateTag d={d} />
                  </Flex>
                ))}
              </Flex>
            )}
    </Card>
  );
}
