// The 工作台's list: one card per kind of item, in the kinds' order, each item a row that opens
// its record, with the 督办 light (green on track, yellow within 3 days, red overdue).
import { Badge, Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TWorkbench, TWorkbenchItem } from '../../../../contract/workbench.ts';
import type { Light } from '../../../../domain/workbench/light.ts';
import { WORKBENCH_KINDS, WORKBENCH_KIND_LABELS, type WorkbenchKind } from '../../../../domain/workbench/workbench.ts';

const LIGHT_STATUS: Record<Light, 'success' | 'warning' | 'error'> = { green: 'success', yellow: 'warning', red: 'error' };
const LIGHT_LABEL: Record<Light, string> = { green: '正常', yellow: '临期', red: '逾期' };
/** Tag colours dark enough to read in sunlight (antd's gold and green presets are too light). */
const LIGHT_TAG: Record<Light, { color: string; background: string }> = {
  green: { color: '#135200', background: '#f6ffed' },
  yellow: { color: '#873800', background: '#fff7e6' },
  red: { color: '#a8071a', background: '#fff1f0' },
};

function ItemRow({ item }: { item: TWorkbenchItem }) {
  return (
    <Link to={item.href} className="workbench-item" data-testid="workbench-item" data-kind={item.kind} data-light={item.light}>
      <Badge status={LIGHT_STATUS[item.light]} aria-label={LIGHT_LABEL[item.light]} />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text ellipsis strong>{item.title}</Typography.Text>
        {item.subtitle && <Typography.Text ellipsis className="workbench-subtitle">{item.subtitle}</Typography.Text>}
      </Flex>
      {item.dueText && (
        <Tag bordered={false} style={{ ...LIGHT_TAG[item.light], marginInlineEnd: 0, flexShrink: 0 }}>{item.dueText}</Tag>
      )}
    </Link>
  );
}

export function WorkbenchList({ data, skip = [] }: { data: TWorkbench; skip?: WorkbenchKind[] }) {
  const kinds = WORKBENCH_KINDS.filter((k) => !skip.includes(k) && data.items.some((i) => i.kind === k));
  if (kinds.length === 0) {
    return <Card size="small"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项，一切正常" /></Card>;
  }
  return (
    <Flex vertical gap={12} data-testid="workbench">
      {kinds.map((k) => {
        const items = data.items.filter((i) => i.kind === k);
        const total = data.totals[k] ?? items.length;
        const more = data.moreHref[k];
        return (
          <Card
            key={k}
            size="small"
            data-testid={`workbench-${k}`}
            title={<span>{WORKBENCH_KIND_LABELS[k]} <Badge count={total} overflowCount={999} color="#1f5fbf" /></span>}
            extra={more && total > items.length ? <Link to={more}>查看全部</Link> : null}
            styles={{ body: { padding: 0 } }}
          >
            {items.map((i) => <ItemRow key={`${i.kind}:${i.href}:${i.title}`} item={i} />)}
            {total > items.length && !more && (
              <Typography.Text className="workbench-subtitle" style={{ display: 'block', padding: '6px 12px' }}>
                另有 {total - items.length} 项，最紧急的已列在上面
              </Typography.Text>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
