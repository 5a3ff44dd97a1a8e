// 五落实整改方案: owner, measures, funds, due date and a contingency plan (text or files); a new
// plan replaces the current one, which stays in the history.
import { Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TStoredFile } from '../../../../../contract/files.ts';
import { shanghaiDay } from '../../../../../domain/common/dates.ts';
import { dueDateRefusal } from '../../../../../domain/hazards/hazard-assignment.ts';
import { FileUploader } from '../../../../components/file-uploader.tsx';
import { useIsMobile } from '../../../../components/use-is-mobile.ts';
import { dayjs } from '../../../../lib/format.ts';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import type { HazardDetailData } from '../../api/keys.ts';
import { type HazardActionForm, day, ids } from './types.ts';

interface Values {
  owner?: string; measures?: string; fundsYuan?: number | null; dueDate?: Dayjs | null; contingencyPlan?: string; contingencyFileIds?: TStoredFile[];
}

function SubmitPlanFields({ record: h, onBusyChange }: ActionFieldsProps<HazardDetailData>) {
  // On a phone the calendar is easier than the keyboard; on a desktop both work.
  const readOnlyDates = useIsMobile();
  // The dates the server would refuse (the same domain rule, on the township's today) are not offered.
  const today = shanghaiDay(new Date());
  return (
    <>
      <Typography.Paragraph type="secondary">
        五落实：责任人、整改措施、整改资金、整改时限和应急预案缺一不可。{h.plans.length > 0 && '提交后将替换当前方案，原方案保留在历史中。'}
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="owner" label="整改责任人" required>
            <Input maxLength={64} data-testid="plan-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fundsYuan" label="整改资金（元）" required>
            <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} suffix="元" data-testid="plan-funds" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="measures" label="整改措施" required>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="plan-measures" />
      </Form.Item>
      <Form.Item name="dueDate" label="整改时限" required>
        <DatePicker style={{ width: '100%' }} inputReadOnly={readOnlyDates} disabledDate={(d) => dueDateRefusal(day(d), today) !== null} data-testid="plan-due-date" />
      </Form.Item>
      <Form.Item name="contingencyPlan" label="应急预案（整改期间的防范措施）" tooltip="填写预案内容，或上传预案文件，至少一项">
        <Input.TextArea rows={3} maxLength={4000} placeholder="填写预案内容，或在下方上传预案文件" data-testid="plan-contingency" />
      </Form.Item>
      <Form.Item name="contingencyFileIds" label="预案文件">
        <FileUploader purpose="plan" kind="document" inputTestId="plan-file-input" onBusyChange={onBusyChange} />
      </Form.Item>
    </>
  );
}

export const submitPlan: HazardActionForm<'submit_plan', Values> = {
  Fields: SubmitPlanFields,
  // The current plan to revise, or an empty one due when the hazard is.
  initialValues: (h) => {
    const plan = h.plans[0];
    return plan
      ? {
          owner: plan.owner, measures: plan.measures, fundsYuan: plan.fundsYuan, dueDate: dayjs(plan.dueDate),
          contingencyPlan: plan.contingencyPlan ?? '', contingencyFileIds: plan.files,
        }
      : { dueDate: h.dueDate ? dayjs(h.dueDate) : null, contingencyFileIds: [] };
  },
  body: (v, h) => ({
    action: 'submit_plan', version: h.version,
    plan: {
      owner: v.owner ?? '', measures: v.measures ?? '', fundsYuan: v.fundsYuan as number, dueDate: day(v.dueDate),
      contingencyPlan: v.contingencyPlan || null, contingencyFileIds: ids(v.contingencyFileIds),
    },
  }),
  // The contingency plan is text or files, at least one (the server's rule; the contract allows either empty).
  extraErrors: ({ plan }) =>
    !plan.contingencyPlan && (plan.contingencyFileIds ?? []).length === 0 ? { contingencyPlan: ['请填写应急预案，或上传预案文件'] } : null,
};
