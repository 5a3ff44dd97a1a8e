// Who inspected and whether each has signed the record as it is now (谁检查、谁签名、谁负责).
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Space, Tag, Typography } from 'antd';
import { formatMinute } from '../../../lib/format.ts';
import type { InspectionDetailData } from '../api/keys.ts';

export function InspectorSignatures({ d, meId, showCertificates }: { d: InspectionDetailData; meId: string; showCertificates: boolean }) {
  const completed = d.status === 'completed';
  return (
    <Flex vertical gap={6} data-testid="inspection-inspectors">
      {d.inspectors.map((i) => (
        <Flex key={i.userId} justify="space-between" align="center" wrap gap={4} data-testid="inspection-inspector">
          <Space size={6} wrap>
            <strong>{i.name}</strong>
            {i.userId === meId && <Tag style={{ marginInlineEnd: 0 }}>本人</Tag>}
            {showCertificates && (
              <Typography.Text type={i.certificateNo ? 'secondary' : 'danger'} className="mono">
                {i.certificateNo ? `执法证 ${i.certificateNo}` : '无执法证号'}
              </Typography.Text>
            )}
          </Space>
          {i.signed ? (
            <Typography.Text type="success" data-testid="inspection-inspector-signed">
              <CheckCircleFilled /> 已签名 {formatMinute(i.signedAt)}
            </Typography.Text>
          ) : (
            <Typography.Text type={completed ? 'secondary' : 'warning'} data-testid="inspection-inspector-unsigned">
              <ClockCircleOutlined /> {i.signedAt ? '记录已改动，须重新签名' : '未签名'}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
