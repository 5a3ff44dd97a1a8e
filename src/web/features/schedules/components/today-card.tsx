// 今日自查: what is due now for the enterprise's own account, each with a button that starts (or
// continues) the self-inspection and opens its fill page.
import { App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { OCCURRENCE_STATUS_LABELS, SELF_INSPECTION_FREQUENCY_LABELS } from '../../../../domain/schedules/self-inspection-schedule.ts';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useToday } from '../api/get-today.ts';
import { useStartSelfInspection } from '../api/start-self-inspection.ts';
import { STATUS_TAG_COLOR } from './labels.ts';

export function TodayCard({ enterpriseId }: { enterpriseId: string }) {
  const today = useToday(enterpriseId);
  const start = useStartSelfInspection();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const data = today.data;
  if (today.isError) return <Card title="今日自查" size="small"><ErrorAlert error={today.error} /></Card>;
  if (!data || !data.allowedActions.includes('start')) return null;
  return (
    <Card title={`今日自查（${data.today}）`} size="small" style={{ marginBottom: 16 }} data-testid="today-card">
      {data.tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data.configured ? '今天没有需要完成的自查' : '尚未设置日周月自查安排'} />
      ) : (
        <Flex vertical gap={10}>
          {data.tasks.map((t) => (
            <Flex key={`${t.frequency}:${t.templateCode}`} className="record-row" justify="space-between" align="center" gap={8}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <span>
                  <Tag>{SELF_INSPECTION_FREQUENCY_LABELS[t.frequency]}查</Tag>
                  <Tag color={STATUS_TAG_COLOR[t.status]}>{OCCURRENCE_STATUS_LABELS[t.status]}</Tag>
                </span>
                <Typography.Text ellipsis>{t.templateName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>截止 {t.dueDate}</Typography.Text>
              </Flex>
              <div style={{ flexShrink: 0 }}>
                {t.status === 'done' ? (
                  <Button size="small" onClick={() => navigate(paths.inspections.detail(t.inspectionIds[0]!))}>查看</Button>
                ) : t.draftInspectionId ? (
                  <Button size="small" type="primary" onClick={() => navigate(paths.inspections.fill(t.draftInspectionId!))} data-testid={`today-continue-${t.frequency}`}>继续填写</Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    loading={start.isPending && start.variables?.type === t.type}
                    data-testid={`today-start-${t.frequency}`}
                    onClick={() =>
                      start.mutate(
                        { enterpriseId, type: t.type, templateCode: t.templateCode, inspectedOn: data.today },
                        { onSuccess: (i) => navigate(paths.inspections.fill(i.id)), onError: (e) => void message.error(errorMessage(e)) },
                      )
                    }
                  >
                    开始自查
                  </Button>
                )}
              </div>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
