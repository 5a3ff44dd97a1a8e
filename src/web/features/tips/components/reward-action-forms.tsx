// The reward's workflow actions, one small form each, for the shared action-modal shell: a leader's
// 批准 / 不予批准, the office's 登记发放 (for an anonymous reporter, the code the claimant shows).
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TStoredFile } from '../../../../contract/files.ts';
import type { TTipReward } from '../../../../contract/tips.ts';
import { PAY_METHODS, PAY_METHOD_LABELS, type PayMethod, type RewardAction } from '../../../../domain/tips/reward-workflow.ts';
import type { ActionFormDefinition } from '../../../components/action-modal.tsx';
import { FileUploader } from '../../../components/file-uploader.tsx';
import type { RewardActionBody } from '../api/tips.ts';

type Def<V extends object> = ActionFormDefinition<TTipReward, RewardActionBody, undefined, V>;

const approve: Def<{ note?: string }> = {
  Fields: () => <Form.Item name="note" label="审批意见"><Input.TextArea rows={3} maxLength={1000} placeholder="可不填" /></Form.Item>,
  body: (v, w) => ({ action: 'approve', version: w.version, note: v.note || null }),
  okText: '批准',
  width: 520,
};
const reject: Def<{ note?: string }> = {
  Fields: () => <Form.Item name="note" label="不予批准的理由" required><Input.TextArea rows={3} maxLength={1000} /></Form.Item>,
  body: (v, w) => ({ action: 'reject', version: w.version, note: v.note ?? '' }),
  danger: true,
  width: 520,
};
const pay: Def<{ paidOn?: Dayjs; payMethod?: PayMethod; code?: string; receipts?: TStoredFile[] }> = {
  Fields: ({ record, onBusyChange }) => (
    <>
      <Form.Item name="paidOn" label="发放日期" required><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="payMethod" label="发放方式" required>
        <Select aria-label="发放方式" options={PAY_METHODS.map((m) => ({ value: m, label: PAY_METHOD_LABELS[m] }))} />
      </Form.Item>
      {record.anonymous && (
        <Form.Item name="code" label="领奖人出示的查询码" required extra="匿名举报的奖励凭查询码发放，系统核对查询码是否属于该举报">
          <Input maxLength={40} autoComplete="off" data-testid="reward-code" />
        </Form.Item>
      )}
      <Form.Item name="receipts" label="领款凭证（签收单、转账截图）">
        <FileUploader purpose="report" kind="document" inputTestId="reward-receipt-input" buttonText="拍照或选择文件" onBusyChange={onBusyChange} />
      </Form.Item>
    </>
  ),
  initialValues: () => ({ paidOn: dayjs(), payMethod: 'cash', receipts: [] }),
  body: (v, w) => ({
    action: 'pay', version: w.version, paidOn: (v.paidOn ?? dayjs()).format('YYYY-MM-DD'), payMethod: v.payMethod ?? 'cash',
    code: v.code || null, receiptFileIds: (v.receipts ?? []).map((f) => f.id),
  }),
  okText: '登记发放',
};

export const REWARD_ACTION_FORMS: Record<RewardAction, Def<object>> = { approve: approve as Def<object>, reject: reject as Def<object>, pay: pay as Def<object> };
