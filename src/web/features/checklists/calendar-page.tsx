// 工作日历: the district's 法定节假日 and 调休 workdays for a year. The 日周月 self-inspection
// schedules count workdays with it. Managers add, change and remove days; everyone reads.
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Popconfirm, Radio, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CALENDAR_DAY_KINDS, CALENDAR_DAY_KIND_LABELS, type TCalendarDay } from '../../../contract/checklists.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { formErrorMessage } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { testId } from '../../components/test-id.ts';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCan } from '../../lib/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import { TIMEZONE, dayjs } from '../../lib/format.ts';
import { useCalendarYear, useDeleteCalendarDay, usePutCalendarDay } from './api/calendar.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const KIND_COLORS = { holiday: 'red', workday: 'blue' } as const;

type DayModalState = { mode: 'create' } | { mode: 'edit'; day: TCalendarDay } | null;
interface DayValues { date?: dayjs.Dayjs; kind?: TCalendarDay['kind']; name?: string }

function DayModal({ state, year, onClose }: { state: DayModalState; year: number; onClose: () => void }) {
  const [form] = Form.useForm<DayValues>();
  const put = usePutCalendarDay();
  const [error, setError] = useState<string | null>(null);
  const editing = state?.mode === 'edit' ? state.day : null;

  const onOk = async () => {
    setError(null);
    let v: DayValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const day = editing?.day ?? v.date!.format('YYYY-MM-DD');
    put.mutate({ day, body: { kind: v.kind!, name: v.name ?? '' } }, { onSuccess: onClose, onError: (e) => setError(formErrorMessage(form, e)) });
  };

  return (
    <Modal
      title={editing ? `修改 ${editing.day}` : '添加节假日或调休上班日'}
      open={!!state}
      onOk={() => void onOk()}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: put.isPending, ...testId('calendar-day-save') }}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        form.resetFields();
        setError(null);
        form.setFieldsValue(editing ? { kind: editing.kind, name: editing.name } : { kind: 'holiday', date: dayjs(`${year}-01-01`) });
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {!editing && (
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="calendar-day-date" />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]} extra="调休上班日须为周六或周日">
          <Radio.Group options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称（如 春节）' }]}>
          <Input maxLength={32} placeholder="如 春节、国庆节调休" data-testid="calendar-day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CalendarPage() {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => dayjs().tz(TIMEZONE).year());
  const [modal, setModal] = useState<DayModalState>(null);
  const query = useCalendarYear(year);
  const remove = useDeleteCalendarDay();
  const can = useCan();
  const canManage = can('manage:checklist');
  const days = query.data?.days ?? [];
  const holidays = days.filter((d) => d.kind === 'holiday').length;

  const kindTag = (d: TCalendarDay) => <Tag color={KIND_COLORS[d.kind]} style={{ marginInlineEnd: 0 }}>{CALENDAR_DAY_KIND_LABELS[d.kind]}</Tag>;
  const columns: TableProps<TCalendarDay>['columns'] = [
    {
      title: '日期',
      key: 'day',
      width: isMobile ? 104 : 150,
      render: (_v, d) => (
        <span>
          <span className="mono">{d.day}</span> <Typography.Text type="secondary">{WEEKDAYS[dayjs(d.day).day()]}</Typography.Text>
        </span>
      ),
    },
    ...(isMobile
      ? [{ title: '名称', key: 'name', render: (_v: unknown, d: TCalendarDay) => <div>{kindTag(d)}<div>{d.name}</div></div> }]
      : [
          { title: '类型', key: 'kind', width: 110, render: (_v: unknown, d: TCalendarDay) => kindTag(d) },
          { title: '名称', dataIndex: 'name', key: 'name' },
        ]),
    ...(canManage
      ? [{
          title: '操作',
          key: 'actions',
          width: isMobile ? 64 : 130,
          render: (_v: unknown, d: TCalendarDay) => (
            <Space size={0} wrap>
              <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', day: d })} data-testid="calendar-day-edit">修改</Button>
              <Popconfirm
                title={`删除 ${d.day}？`}
                okText="删除"
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(d.day, { onSuccess: () => void message.success('已删除'), onError: (e) => void message.error(errorMessage(e)) })}
              >
                <Button type="link" size="small" danger data-testid="calendar-day-delete">删除</Button>
              </Popconfirm>
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <PageContainer
      title="工作日历"
      subTitle={isMobile ? undefined : '法定节假日和调休上班日；企业日周月自查按此计算工作日'}
      extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })} data-testid="calendar-day-add">添加</Button> : null}
    >
      <Card size="small" className="filter-card">
        <Flex align="center" gap={8} wrap>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label="上一年" />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="calendar-year">{year}年</Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label="下一年" />
          <Typography.Text type="secondary">节假日 {holidays} 天，调休上班 {days.length - holidays} 天</Typography.Text>
        </Flex>
      </Card>
      {query.isError ? (
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<TCalendarDay>
            rowKey="day"
            size="small"
            columns={columns}
            dataSource={days}
            loading={query.isFetching}
            pagination={false}
            locale={{ emptyText: canManage ? '本年尚未设置节假日，请按国务院办公厅当年的放假安排添加' : '本年尚未设置节假日' }}
            data-testid="calendar-days"
          />
        </Card>
      )}
      <DayModal state={modal} year={year} onClose={() => setModal(null)} />
    </PageContainer>
  );
}
