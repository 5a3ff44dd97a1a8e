import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

export interface PageContainerProps {
  title: ReactNode;
  subTitle?: ReactNode;
  /** Where the back arrow goes; no arrow when absent. */
  backTo?: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of every page inside the layout: title row with actions, then content. */
export function PageContainer({ title, subTitle, backTo, extra, children }: PageContainerProps) {
  const navigate = useNavigate();
  return (
    <div className="page-container">
      <Flex className="page-header" justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {backTo && (
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => navigate(backTo)} />
          )}
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
              {title}
            </Typography.Title>
            {subTitle && <Typography.Text type="secondary" className="page-subtitle">{subTitle}</Typography.Text>}
          </div>
        </Flex>
        {extra && (
          <Flex gap={8} wrap className="page-header-extra">
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
