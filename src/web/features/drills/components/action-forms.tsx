// A record's actions, one small form each, for the shared action-modal shell: 核实 (the supervising
// unit confirms it took place) and 作废 (with a reason; the record stays, out of the figures).
import { Alert, Form, Input, Typography } from 'antd';
import type { DrillPolicyAction } from '../../../../domain/drills/drill-policy.ts';
import type { ActionFormDefinition } from '../../../components/action-modal.tsx';
import type { DrillActionBody, DrillData } from '../api/keys.ts';

type Def<V extends object> = ActionFormDefinition<DrillData, DrillActionBody, undefined, V>;

export const DRILL_ACTION_LABELS: Record<DrillPolicyAction, string> = { verify: '核实', void: '作废' };

const verify: Def<object> = {
  Fields: ({ record }) => (
    <Typography.Paragraph>
      确认 {record.enterprise?.name ?? record.unit?.name} 于 {record.heldOn} 开展了本次{record.category === 'drill' ? '演练' : '培训'}（{record.participants}人参加）。核实后记录不能再由登记单位作废。
    </Typography.Paragraph>
  ),
  body: (_v, d) => ({ version: d.version }),
  okText: '确认核实',
  width: 520,
};

const voidRecord: Def<{ reason?: string }> = {
  Fields: () => (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="作废后不再计入完成情况和报表，记录仍保留。" />
      <Form.Item name="reason" label="作废原因" required>
        <Input.TextArea rows={3} maxLength={500} placeholder="如：重复登记、日期登记错误" data-testid="drill-void-reason" />
      </Form.Item>
    </>
  ),
  body: (v, d) => ({ reason: v.reason ?? '', version: d.version }),
  okText: '确认作废',
  danger: true,
  width: 520,
};

export const DRILL_ACTION_FORMS: Record<DrillPolicyAction, Def<object>> = { verify, void: voidRecord as Def<object> };
