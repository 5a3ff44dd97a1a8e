// 举报奖励 on a report found true: the office proposes an amount with its basis, a leader approves
// or refuses, the office records the payment (for an anonymous reporter, against the code the
// claimant shows). Buttons come from the reward's allowedActions and the report's mayProposeReward;
// the actions run through the shared action modal.
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Tag } from 'antd';
import { useState } from 'react';
import { RewardActionRequest } from '../../../../contract/tips.ts';
import { PAY_METHOD_LABELS, REWARD_ACTION_LABELS, REWARD_STATE_LABELS, type RewardAction, formatYuan } from '../../../../domain/tips/reward-workflow.ts';
import { ActionModal } from '../../../components/action-modal.tsx';
import { FileGallery } from '../../../components/file-gallery.tsx';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type RewardActionBody, type TipData, useActOnReward, useProposeReward } from '../api/tips.ts';
import { REWARD_ACTION_FORMS } from './reward-action-forms.tsx';

function ProposeModal({ tip, open, onClose }: { tip: TipData; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amountYuan?: number; basis?: string }>();
  const [error, setError] = useState<string | null>(null);
  const propose = useProposeReward();
  const submit = async (v: { amountYuan?: number; basis?: string }) => {
    setError(null);
    try {
      await propose.mutateAsync({ id: tip.id, body: { version: tip.version, amountFen: Math.round((v.amountYuan ?? 0) * 100), basis: v.basis ?? '' } });
      void message.success('已提出奖励，等待领导审批');
      onClose();
    } catch (e) {
      setError(formErrorMessage(form, e));
    }
  };
  return (
    <Modal title="提出举报奖励" open={open} onCancel={onClose} onOk={() => form.submit()} okText="提交" confirmLoading={propose.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="reward-propose-form">
        <Form.Item name="amountYuan" label="奖励金额（元）" rules={[{ required: true, message: '请填写奖励金额' }]}>
          <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} data-testid="reward-amount" />
        </Form.Item>
        <Form.Item name="basis" label="奖励依据" rules={[{ required: true, message: '请填写奖励依据' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：依据《安全生产领域举报奖励办法》，举报一般事故隐患经查属实" data-testid="reward-basis" />
        </Form.Item>
        {error && <p className="ant-form-item-explain-error" role="alert">{error}</p>}
      </Form>
    </Modal>
  );
}

export function RewardCard({ tip }: { tip: TipData }) {
  const [proposing, setProposing] = useState(false);
  const [open, setOpen] = useState<RewardAction | null>(null);
  const act = useActOnReward();
  const w = tip.reward;
  if (!w && !tip.mayProposeReward) return null;
  return (
    <Card title="举报奖励" size="small" className="detail-section" data-testid="tip-reward">
      {w ? (
        <Descriptions size="small" column={1} items={[
          { key: 's', label: '状态', children: <Tag color={w.status === 'paid' ? 'green' : w.status === 'rejected' ? 'default' : 'orange'}>{REWARD_STATE_LABELS[w.status]}</Tag> },
          { key: 'a', label: '金额', children: `${formatYuan(w.amountFen)} 元${w.anonymous ? '（匿名举报，凭查询码发放）' : ''}` },
          { key: 'b', label: '奖励依据', children: w.basis },
          { key: 'p', label: '提出', children: `${w.proposedByName} ${formatDateTime(w.proposedAt)}` },
          ...(w.decidedByName ? [{ key: 'd', label: w.status === 'rejected' ? '不予批准' : '批准', children: `${w.decidedByName} ${w.decidedAt ? formatDateTime(w.decidedAt) : ''}${w.decisionNote ? `：${w.decisionNote}` : ''}` }] : []),
          ...(w.claimedAt ? [{ key: 'c', label: '举报人申领', children: formatDateTime(w.claimedAt) }] : []),
          ...(w.paidOn ? [{ key: 'pay', label: '发放', children: `${w.paidOn} ${w.payMethod ? PAY_METHOD_LABELS[w.payMethod] : ''} ${w.paidByName ?? ''}${w.codeVerified ? ' · 已核对查询码' : ''}` }] : []),
        ]} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="核查属实的举报可以给予奖励" />}
      {w && w.receipts.length > 0 && <FileGallery files={w.receipts} empty="" />}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {!w && tip.mayProposeReward && <Button type="primary" onClick={() => setProposing(true)} data-testid="reward-propose">提出奖励</Button>}
        {w?.allowedActions.map((a) => (
          <Button key={a} type={a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => setOpen(a)} data-testid={`reward-${a}`}>{REWARD_ACTION_LABELS[a]}</Button>
        ))}
      </Flex>
      <ProposeModal tip={tip} open={proposing} onClose={() => setProposing(false)} />
      {w && (
        <ActionModal<typeof w, RewardActionBody, undefined>
          record={w}
          action={open && { name: open, label: REWARD_ACTION_LABELS[open], definition: REWARD_ACTION_FORMS[open] }}
          context={undefined}
          schema={RewardActionRequest}
          send={(body) => act.mutateAsync({ id: w.id, body })}
          sending={act.isPending}
          testIdPrefix="reward-action"
          okText="提交"
          fieldKey={(k) => (k === 'receiptFileIds' ? 'receipts' : k)}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
