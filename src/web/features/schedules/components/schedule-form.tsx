// The 日周月 schedule of one enterprise: a checklist per frequency, working days and due days.
// Holidays and 调休 days are typed as dates; the server checks them (and names the bad ones).
import { App, Alert, Button, DatePicker, Form, InputNumber, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ISO_WEEKDAY_LABELS, SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS, SELF_INSPECTION_LEVEL_LABELS } from '../../../../domain/schedules/self-inspection-schedule.ts';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { usePutSchedule } from '../api/put-schedule.ts';
import type { ScheduleView } from '../api/keys.ts';

const CODE_FIELD = { daily: 'dailyTemplateCode', weekly: 'weeklyTemplateCode', monthly: 'monthlyTemplateCode' } as const;

interface Values {
  dailyTemplateCode?: string | null;
  weeklyTemplateCode?: string | null;
  monthlyTemplateCode?: string | null;
  workOnWeekends: boolean;
  holidays: string[];
  extraWorkdays: string[];
  weeklyDueWeekday?: number | null;
  monthlyDueDay?: number | null;
  startsOn: dayjs.Dayjs;
  active: boolean;
}

/** Dates as tags: pick one to add it, remove a tag to drop it. */
function DayList({ value = [], onChange, testId }: { value?: string[]; onChange?: (v: string[]) => void; testId: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Select mode="tags" value={value} onChange={(v: string[]) => onChange?.(v)} open={false} placeholder="从右侧选择日期，或输入 YYYY-MM-DD" data-testid={testId} />
      <DatePicker
        value={null}
        onChange={(d: dayjs.Dayjs | null) => {
          if (d) onChange?.([...new Set([...value, d.format('YYYY-MM-DD')])].sort());
        }}
        placeholder="添加日期"
        style={{ width: 160 }}
      />
    </Space>
  );
}

export function ScheduleForm({ enterpriseId, view, today, onSaved }: { enterpriseId: string; view: ScheduleView; today: string; onSaved?: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = usePutSchedule(enterpriseId);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const s = view.schedule;
  useEffect(() => {
    form.setFieldsValue({
      dailyTemplateCode: s?.dailyTemplateCode ?? null, weeklyTemplateCode: s?.weeklyTemplateCode ?? null, monthlyTemplateCode: s?.monthlyTemplateCode ?? null,
      workOnWeekends: s?.workOnWeekends ?? false, holidays: s?.holidays ?? [], extraWorkdays: s?.extraWorkdays ?? [],
      weeklyDueWeekday: s?.weeklyDueWeekday ?? null, monthlyDueDay: s?.monthlyDueDay ?? null, startsOn: dayjs(s?.startsOn ?? today), active: s?.active ?? true,
    });
  }, [form, s, today]);
  const disabled = !view.allowedActions.includes('edit');
  const templates = view.templates.map((t) => ({ value: t.code, label: t.name }));

  const onFinish = (v: Values) => {
    setError(null);
    save.mutate(
      {
        dailyTemplateCode: v.dailyTemplateCode ?? null, weeklyTemplateCode: v.weeklyTemplateCode ?? null, monthlyTemplateCode: v.monthlyTemplateCode ?? null,
        workOnWeekends: v.workOnWeekends, holidays: v.holidays, extraWorkdays: v.extraWorkdays, weeklyDueWeekday: v.weeklyDueWeekday ?? null,
        monthlyDueDay: v.monthlyDueDay ?? null, startsOn: v.startsOn.format('YYYY-MM-DD'), active: v.active, version: view.version,
      },
      {
        onSuccess: () => {
          void message.success('自查安排已保存');
          onSaved?.();
        },
        onError: (e) => setError(formErrorMessage(form, e)),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={disabled} data-testid="schedule-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {SELF_INSPECTION_FREQUENCIES.map((f) => (
        <Form.Item key={f} name={CODE_FIELD[f]} label={`${SELF_INSPECTION_FREQUENCY_LABELS[f]}查检查表（${SELF_INSPECTION_LEVEL_LABELS[f]}）`}>
          <Select allowClear options={templates} placeholder="不安排" data-testid={`schedule-${f}`} />
        </Form.Item>
      ))}
      <Space wrap size={16}>
        <Form.Item name="weeklyDueWeekday" label="周查截止">
          <Select allowClear style={{ width: 160 }} placeholder="每周最后一个工作日" options={Object.entries(ISO_WEEKDAY_LABELS).map(([k, l]) => ({ value: Number(k), label: l }))} />
        </Form.Item>
        <Form.Item name="monthlyDueDay" label="月查截止（每月几日）">
          <InputNumber min={1} max={31} placeholder="最后工作日" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Space>
      <Space wrap size={24}>
        <Form.Item name="workOnWeekends" label="周末上班" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked"><Switch /></Form.Item>
      </Space>
      <Form.Item name="holidays" label="本单位休息日（在全区节假日之外）"><DayList testId="schedule-holidays" /></Form.Item>
      <Form.Item name="extraWorkdays" label="本单位调休上班日（周六或周日）"><DayList testId="schedule-extra-workdays" /></Form.Item>
      {!disabled && (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="schedule-save">保存</Button>
      )}
    </Form>
  );
}
