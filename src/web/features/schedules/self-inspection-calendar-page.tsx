// /enterprises/:id/self-inspection: the month calendar of one enterprise's 日周月 self-inspections,
// weekly and monthly occurrences, compliance, today's tasks (the enterprise's own account) and the schedule.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { OCCURRENCE_STATUS_LABELS, SELF_INSPECTION_FREQUENCY_LABELS } from '../../../domain/schedules/self-inspection-schedule.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { useSearchState } from '../../lib/search-params.ts';
import { useCalendar } from './api/get-calendar.ts';
import { useSchedule } from './api/get-schedule.ts';
import { ComplianceFigures } from './components/compliance-figures.tsx';
import { STATUS_TAG_COLOR } from './components/labels.ts';
import { MonthGrid } from './components/month-grid.tsx';
import { ScheduleForm } from './components/schedule-form.tsx';
import { TodayCard } from './components/today-card.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function SelfInspectionCalendarPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const { values, update } = useSearchState();
  const month = values.month && MONTH.test(values.month) ? values.month : dayjs().format('YYYY-MM');
  const cal = useCalendar(id, month);
  const schedule = useSchedule(id);
  const shift = (n: number) => update({ month: dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM') });
  const title = schedule.data ? `${schedule.data.enterpriseName} · 日周月自查` : '日周月自查';
  const backTo = me.enterpriseId !== null ? undefined : paths.enterprises.detail(id);

  if (cal.isError) {
    return (
      <PageContainer title="日周月自查" backTo={backTo}>
        <ErrorDisplay error={cal.error} onRetry={() => void cal.refetch()} />
      </PageContainer>
    );
  }
  const data = cal.data;
  const periodic = data?.occurrences.filter((o) => o.frequency !== 'daily') ?? [];

  return (
    <PageContainer title={title} backTo={backTo}>
      <TodayCard enterpriseId={id} />
      <Card
        size="small"
        title={
          <Flex align="center" gap={8}>
            <Button size="small" icon={<LeftOutlined />} aria-label="上个月" onClick={() => shift(-1)} data-testid="month-prev" />
            <span data-testid="calendar-month">{dayjs(`${month}-01`).format('YYYY年M月')}</span>
            <Button size="small" icon={<RightOutlined />} aria-label="下个月" onClick={() => shift(1)} data-testid="month-next" />
          </Flex>
        }
      >
        {!data ? (
          <Skeleton active />
        ) : (
          <>
            {!data.configured && <Typography.Paragraph type="secondary">尚未设置日周月自查安排，请在下方设置。</Typography.Paragraph>}
            {data.configured && <div style={{ marginBottom: 12 }}><ComplianceFigures compliance={data.compliance} /></div>}
            <MonthGrid data={data} />
            <Flex gap={8} wrap style={{ marginTop: 8, fontSize: 12 }}>
              {(['done', 'missed', 'due', 'upcoming'] as const).map((s) => <Tag key={s} color={STATUS_TAG_COLOR[s]}>{OCCURRENCE_STATUS_LABELS[s]}</Tag>)}
            </Flex>
          </>
        )}
      </Card>
      <Card size="small" title="周查、月查" style={{ marginTop: 16 }}>
        {periodic.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月没有周查、月查" />
        ) : (
          <Flex vertical gap={10}>
            {periodic.map((o) => (
              <Flex key={`${o.frequency}:${o.periodKey}`} className="record-row" justify="space-between" wrap gap={8} data-testid={`occurrence-${o.periodKey}`}>
                <span>
                  <Tag>{SELF_INSPECTION_FREQUENCY_LABELS[o.frequency]}查</Tag>
                  {o.periodStart} 至 {o.periodEnd}，截止 {o.dueDate}
                </span>
                <span>
                  <Tag color={STATUS_TAG_COLOR[o.status]}>{OCCURRENCE_STATUS_LABELS[o.status]}</Tag>
                  {o.inspectionIds.map((iid, i) => <Link key={iid} to={paths.inspections.detail(iid)}>记录{o.inspectionIds.length > 1 ? i + 1 : ''} </Link>)}
                </span>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
      {schedule.data && data && (
        <Collapse
          style={{ marginTop: 16 }}
          defaultActiveKey={data.configured ? [] : ['schedule']}
          items={[{
            key: 'schedule',
            label: schedule.data.allowedActions.includes('edit') ? '自查安排（可修改）' : '自查安排',
            children: <ScheduleForm enterpriseId={id} view={schedule.data} today={data.today} />,
          }]}
        />
      )}
    </PageContainer>
  );
}
