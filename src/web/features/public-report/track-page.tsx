// 查询办理进展: the reporter types the code (or arrives from the receipt with it in the page's
// state, never in the address) and sees the state, the office's public reply, whether the hazard
// was rectified, and a reward to claim.
import { Alert, App, Button, Card, Descriptions, Form, Input, Steps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { TPublicReportView } from '../../../contract/tips.ts';
import { REWARD_STATE_LABELS, formatYuan } from '../../../domain/tips/reward-workflow.ts';
import { TIP_STATE_LABELS } from '../../../domain/tips/tip-workflow.ts';
import { CODE_LENGTH, normalizeCode } from '../../../domain/tips/tracking-code.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useClaim, useLookup } from './api.ts';
import { PublicFrame } from './public-frame.tsx';

const CONCLUDED_COLOR: Record<string, string> = { substantiated: 'red', partly_substantiated: 'orange', unfounded: 'default', duplicate: 'default', rejected: 'default' };

function ClaimForm({ code, onDone }: { code: string; onDone: (v: TPublicReportView) => void }) {
  const claim = useClaim();
  const { message } = App.useApp();
  const [phone, setPhone] = useState('');
  return (
    <Form layout="vertical" onFinish={() => claim.mutateAsync({ code, phone }).then(onDone, (e: unknown) => message.error(errorMessage(e)))}>
      <Form.Item label="联系电话（可不填）" extra="留下电话，工作人员会联系您领奖；不留电话的，请凭查询码到镇街安委办领取">
        <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} inputMode="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={claim.isPending} data-testid="public-claim">申领奖励</Button>
    </Form>
  );
}

function ReportView({ code, view, onChange }: { code: string; view: TPublicReportView; onChange: (v: TPublicReportView) => void }) {
  const concluded = view.status !== 'pending' && view.status !== 'investigating';
  const step = view.status === 'pending' ? 0 : view.status === 'investigating' ? 1 : 2;
  return (
    <Card size="small" data-testid="public-view">
      <Steps size="small" current={step} status={concluded ? 'finish' : 'process'} style={{ marginBottom: 12 }} items={[{ title: '待核查' }, { title: '核查中' }, { title: concluded ? TIP_STATE_LABELS[view.status] : '办结' }]} />
      <Descriptions size="small" column={1} items={[
        { key: 'status', label: '办理状态', children: <Tag color={concluded ? CONCLUDED_COLOR[view.status] : 'blue'} data-testid="public-status">{TIP_STATE_LABELS[view.status]}</Tag> },
        { key: 'township', label: '受理镇街', children: view.townshipName },
        { key: 'at', label: '提交时间', children: formatDateTime(view.submittedAt) },
        { key: 'summary', label: '内容摘要', children: view.summary },
        ...(view.concludedAt ? [{ key: 'done', label: '办结时间', children: formatDateTime(view.concludedAt) }] : []),
        ...(view.hazard ? [{ key: 'hazard', label: '隐患整改', children: view.hazard.rectified ? '已整改销号' : '正在整改' }] : []),
      ]} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>答复</Typography.Title>
      {view.publicReply
        ? <Typography.Paragraph className="pre-wrap" data-testid="public-reply">{view.publicReply}<br /><Typography.Text type="secondary">{view.repliedAt && formatDateTime(view.repliedAt)}</Typography.Text></Typography.Paragraph>
        : <Typography.Paragraph type="secondary">暂无答复，核查办结后会在此答复。</Typography.Paragraph>}
      {view.reward && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} data-testid="public-reward"
          title={`举报奖励 ${formatYuan(view.reward.amountFen)} 元 · ${REWARD_STATE_LABELS[view.reward.status]}`}
          description={view.reward.mayClaim ? <ClaimForm code={code} onDone={onChange} /> : view.reward.claimedAt ? `已于 ${formatDateTime(view.reward.claimedAt)} 申领，请等待工作人员联系，或凭查询码到镇街安委办领取。` : undefined} />
      )}
    </Card>
  );
}

export function TrackPage() {
  const location = useLocation();
  const fromReceipt = (location.state as { code?: string } | null)?.code ?? '';
  const lookup = useLookup();
  const [typed, setTyped] = useState(fromReceipt);
  const [shown, setShown] = useState<{ code: string; view: TPublicReportView } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const find = async (raw: string) => {
    setProblem(null);
    const code = normalizeCode(raw);
    if (!code) { setProblem(`查询码为${CODE_LENGTH}位字母和数字，请核对后重新输入`); return; }
    try {
      setShown({ code, view: await lookup.mutateAsync(code) });
    } catch (e) {
      setShown(null);
      setProblem(isApiError(e, 'NOT_FOUND') ? '没有找到该查询码对应的举报，请核对后重新输入' : errorMessage(e));
    }
  };
  useEffect(() => {
    if (fromReceipt) void find(fromReceipt);
    // once, with the code the receipt handed over
  }, []);
  return (
    <PublicFrame title="查询举报办理进展" here="track">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" onFinish={() => void find(typed)}>
          <Form.Item label="查询码" validateStatus={problem ? 'error' : undefined} help={problem ?? '提交举报时得到的20位查询码，可不输入短横线'}>
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false} data-testid="public-track-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={lookup.isPending} data-testid="public-track-submit">查询</Button>
        </Form>
      </Card>
      {shown && <ReportView code={shown.code} view={shown.view} onChange={(view) => setShown({ ...shown, view })} />}
    </PublicFrame>
  );
}
