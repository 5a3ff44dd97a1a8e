// The layout of a record's detail page (hazard, case): on a desktop the record on the left and
// its actions and history on the right; on a phone one column, actions first, history last.
import { Card, Col, Descriptions, type DescriptionsProps, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format.ts';
import { useIsMobile } from './use-is-mobile.ts';

/** The buttons of the actions the server allows; nothing when there are none. */
export function ActionBar({ children }: { children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <Card size="small" className="detail-section action-bar" title="可执行操作">
      <Flex wrap gap={8}>{children}</Flex>
    </Card>
  );
}

/** The record's fields, two columns on a desktop, narrow labels on a phone. */
export function OverviewCard({ title, items, phoneLabelWidth = 82 }: { title: string; items: DescriptionsProps['items']; phoneLabelWidth?: number }) {
  const isMobile = useIsMobile();
  return (
    <Card title={title} size="small" className="detail-section">
      <Descriptions
        items={items}
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        bordered
        styles={
          isMobile
            ? { label: { width: phoneLabelWidth, padding: '6px 8px' }, content: { padding: '6px 8px' } }
            : { label: { width: 110, whiteSpace: 'nowrap' } }
        }
      />
    </Card>
  );
}

export function DetailColumns({
  actions, timeline, lastUpdate, children,
}: {
  actions: ReactNode;
  timeline: ReactNode;
  /** When the record last changed (its newest event), under the history on a desktop. */
  lastUpdate: string | null | undefined;
  children: ReactNode;
}) {
  const isMobile = useIsMobile();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        {isMobile && actions}
        {children}
        {isMobile && timeline}
      </Col>
      {!isMobile && (
        <Col xs={24} lg={8}>
          {actions}
          {timeline}
          <Typography.Text type="secondary" className="form-hint">时间为北京时间；最后更新 {formatDateTime(lastUpdate)}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
