// What an action decides on, shown above its form: the plan, the reported rectification, a pending request.
import { Alert, Descriptions, type DescriptionsProps, Flex, Image, Typography } from 'antd';
import type { HazardDetailData } from '../../api/keys.ts';

/** One field a line, above the form. */
export function Summary({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} items={items} />;
}

export function PlanSummary({ h }: { h: HazardDetailData }) {
  const plan = h.plans[0];
  if (!plan) return <Alert type="warning" showIcon title="尚无五落实整改方案" style={{ marginBottom: 12 }} />;
  return (
    <Summary
      items={[
        { key: 'owner', label: '责任人', children: plan.owner },
        { key: 'measures', label: '整改措施', children: plan.measures },
        { key: 'funds', label: '整改资金', children: `${plan.fundsYuan.toLocaleString('zh-CN')} 元` },
        { key: 'due', label: '整改时限', children: plan.dueDate },
        { key: 'contingency', label: '应急预案', children: plan.contingencyPlan ?? (plan.files.length ? `${plan.files.length} 个预案文件` : '—') },
      ]}
    />
  );
}

/** What the verifier checks against: the reported rectification and the after photos. */
export function RectificationSummary({ h }: { h: HazardDetailData }) {
  return (
    <div className="verify-summary">
      <div className="photo-col-title">整改情况</div>
      <Typography.Paragraph style={{ marginBottom: 8 }} className="pre-wrap">{h.rectificationNote ?? '—'}</Typography.Paragraph>
      {h.afterPhotos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={6}>
            {h.afterPhotos.map((f) => (
              <Image key={f.id} src={f.url} alt={f.originalName} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </div>
  );
}
