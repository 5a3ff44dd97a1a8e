import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the pages shown outside the main layout. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Flex className="auth-page" align="center" justify="center">
      <div className="auth-box">
        <Flex vertical align="center" gap={4} className="auth-brand">
          <span className="brand-mark brand-mark-lg">安</span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>安治</Typography.Title>
          <Typography.Text type="secondary">安全生产隐患排查整治工作平台</Typography.Text>
        </Flex>
        <Card title={title}>{children}</Card>
      </div>
    </Flex>
  );
}
