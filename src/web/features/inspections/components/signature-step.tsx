// The last step of the fill page: what still stands in the way, the summary, the inspectors'
// signatures and the enterprise representative's (or the recorded refusal), then 完成并签名.
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { itemQuestion } from '../../../../domain/checklists/checklist.ts';
import { isSelfInspection } from '../../../../domain/inspections/inspection-rules.ts';
import type { InspectionDetailData } from '../api/keys.ts';
import { InspectorSignatures } from './inspector-signatures.tsx';

export interface RepresentativeInput {
  kind: 'signed' | 'refused';
  name: string;
  note: string;
}

export interface SignatureStepProps {
  d: InspectionDetailData;
  meId: string;
  summary: string;
  onSummary: (v: string) => void;
  onSummaryBlur: () => void;
  representative: RepresentativeInput;
  onRepresentative: (v: RepresentativeInput) => void;
  /** Field errors of the last attempt, by field (summary, representative). */
  errors: Record<string, string>;
  onJump: (itemKey: string) => void;
  onComplete: () => void;
  completing: boolean;
  /** An upload or a save is still running. */
  busy: boolean;
  error: string | null;
}

export function SignatureStep(p: SignatureStepProps) {
  const { d } = p;
  const self = isSelfInspection(d.type);
  const items = d.template.groups.flatMap((g) => g.items);
  const numberOf = new Map(items.map((i, n) => [i.key, n + 1] as const));
  const titleOf = new Map(items.map((i) => [i.key, itemQuestion(i)] as const));
  const unsigned = d.inspectors.filter((i) => !i.signed && i.userId !== p.meId);
  const err = (k: string) => (p.errors[k] ? { validateStatus: 'error' as const, help: p.errors[k] } : {});

  return (
    <Flex vertical gap={12} data-testid="inspection-finish">
      <Card size="small" title={`检查结果 · 已填 ${d.progress.answered}/${d.progress.total}`}>
        {d.problems.length === 0 ? (
          <Alert type="success" showIcon title="检查表已填写完整" />
        ) : (
          <Flex vertical gap={4} data-testid="inspection-problems">
            <Typography.Text type="warning">完成前还需处理：</Typography.Text>
            {d.problems.map((pr, n) => (
              <div key={`${pr.itemKey ?? ''}:${n}`} className="record-text">
                {pr.itemKey ? (
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', justifyContent: 'flex-start' }} onClick={() => p.onJump(pr.itemKey!)}>
                      第 {numberOf.get(pr.itemKey) ?? '?'} 项：{pr.message}
                    </Button>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{titleOf.get(pr.itemKey) ?? ''}</Typography.Text>
                  </Flex>
                ) : (
                  pr.message
                )}
              </div>
            ))}
          </Flex>
        )}
        {d.failedCount > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {d.failedCount} 项不符合，完成后生成 {d.failedCount} 条隐患
          </Typography.Text>
        )}
      </Card>

      <Card size="small" title="检查情况小结">
        <Form layout="vertical" component="div">
          <Form.Item style={{ marginBottom: 0 }} {...err('summary')}>
            <Input.TextArea
              rows={3}
              maxLength={4000}
              showCount
              value={p.summary}
              placeholder="如：现场检查发现问题2项，已当场告知企业负责人限期整改"
              onChange={(e) => p.onSummary(e.target.value)}
              onBlur={p.onSummaryBlur}
              data-testid="inspection-summary"
            />
          </Form.Item>
        </Form>
      </Card>

      <Card size="small" title="检查人员签名">
        <InspectorSignatures d={d} meId={p.meId} showCertificates={d.type === 'enforcement'} />
        {unsigned.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={`${unsigned.map((i) => i.name).join('、')}尚未签名：请在本人账号中打开本检查记录并点“签名”`}
          />
        )}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          点“完成并签名”即由本人签名确认本记录内容。
        </Typography.Text>
      </Card>

      {!self && (
        <Card size="small" title="被检查单位签名">
          <Form layout="vertical" component="div">
            <Form.Item style={{ marginBottom: 12 }}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={p.representative.kind}
                onChange={(e) => p.onRepresentative({ ...p.representative, kind: e.target.value as RepresentativeInput['kind'] })}
                options={[
                  { value: 'signed', label: '负责人签名' },
                  { value: 'refused', label: '拒绝签名' },
                ]}
                data-testid="inspection-representative-kind"
              />
            </Form.Item>
            {p.representative.kind === 'signed' ? (
              <Form.Item label="被检查单位负责人（签名）" required style={{ marginBottom: 0 }} {...err('representative')}>
                <Input
                  size="large"
                  maxLength={32}
                  value={p.representative.name}
                  placeholder="请负责人在此写下姓名"
                  onChange={(e) => p.onRepresentative({ ...p.representative, name: e.target.value })}
                  data-testid="inspection-representative-name"
                />
              </Form.Item>
            ) : (
              <Form.Item label="拒签情况" required style={{ marginBottom: 0 }} {...err('representative')}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  value={p.representative.note}
                  placeholder="如：负责人张某拒绝签字，由检查人员二人在场见证"
                  onChange={(e) => p.onRepresentative({ ...p.representative, note: e.target.value })}
                  data-testid="inspection-representative-note"
                />
              </Form.Item>
            )}
          </Form>
        </Card>
      )}

      {p.error && <Alert type="error" showIcon title={p.error} data-testid="inspection-complete-error" />}
      <Button
        type="primary"
        size="large"
        block
        loading={p.completing}
        disabled={p.busy || !d.allowedActions.includes('complete')}
        onClick={p.onComplete}
        data-testid="inspection-complete"
      >
        {p.busy ? '正在保存…' : '完成并签名'}
      </Button>
    </Flex>
  );
}
