// 决定: any number of measures, each with the inputs of its kind (fines in yuan, persons referred);
// a decision without a penalty names its reason, one with a penalty its document number.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { MEASURE_IMPOSES_PENALTY, MEASURE_KINDS, MEASURE_KIND_LABELS, type MeasureKind } from '../../../../../domain/enforcement/enforcement.ts';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import { dayjs } from '../../../../lib/format.ts';
import type { CaseDetailData } from '../../api/keys.ts';
import { type CaseActionForm, day, notFuture } from './types.ts';

interface MeasureValues { kind?: MeasureKind; fineOnEnterpriseYuan?: number | null; fineOnPrincipalYuan?: number | null; personCount?: number | null; note?: string }
interface Values { measures?: MeasureValues[]; documentNo?: string; decidedOn?: Dayjs | null; noPenaltyReason?: string }

/** Whether the measures impose a penalty (then the document number is asked for, not a reason for none). */
const imposesPenalty = (measures: readonly MeasureValues[] | undefined) => (measures ?? []).some((m) => m.kind && MEASURE_IMPOSES_PENALTY[m.kind]);

function MeasureList() {
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f, i) => (
            <Card key={f.key} size="small" data-testid={`case-measure-${i}`}
              title={`措施 ${i + 1}`}
              extra={<Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除措施" />}
            >
              <Form.Item name={[f.name, 'kind']} label="措施类型" rules={[{ required: true, message: '请选择处理措施类型' }]}>
                <Select options={MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_LABELS[k] }))} data-testid={`case-measure-${i}-kind`} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.measures?.[i]?.kind !== b.measures?.[i]?.kind}>
                {({ getFieldValue }) => {
                  const kind = getFieldValue(['measures', f.name, 'kind']) as MeasureKind | undefined;
                  if (kind === 'penalty') {
                    return (
                      <Flex gap={8} wrap>
                        <Form.Item name={[f.name, 'fineOnEnterpriseYuan']} label="对企业罚款（元）" style={{ flex: '1 1 140px' }}>
                          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid={`case-measure-${i}-enterprise`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'fineOnPrincipalYuan']} label="对主要负责人罚款（元）" style={{ flex: '1 1 140px' }}>
                          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid={`case-measure-${i}-principal`} />
                        </Form.Item>
                      </Flex>
                    );
                  }
                  if (kind === 'judicial_referral') {
                    return (
                      <Form.Item name={[f.name, 'personCount']} label="移送人数" rules={[{ required: true, message: '请填写移送人数' }]}>
                        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid={`case-measure-${i}-persons`} />
                      </Form.Item>
                    );
                  }
                  return null;
                }}
              </Form.Item>
              <Form.Item name={[f.name, 'note']} label="说明" style={{ marginBottom: 0 }}>
                <Input maxLength={500} placeholder="如：停产整顿30日" />
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'penalty' })} data-testid="case-measure-add">添加处理措施</Button>
        </Flex>
      )}
    </Form.List>
  );
}

function DecideFields({ form }: ActionFieldsProps<CaseDetailData>) {
  return (
    <>
      <MeasureList />
      <Form.Item noStyle shouldUpdate>
        {() => {
          const penal = imposesPenalty(form.getFieldValue('measures') as MeasureValues[] | undefined);
          return (
            <>
              <Form.Item name="documentNo" label="决定书文号" style={{ marginTop: 12 }} required={penal}>
                <Input maxLength={64} placeholder="如：渝北应急罚〔2024〕12号" data-testid="case-documentNo" />
              </Form.Item>
              {!penal && (
                <Form.Item name="noPenaltyReason" label="不予处罚理由" extra="不作处罚的决定须说明理由，如企业自查发现并已报告、正在采取有效措施消除的重大事故隐患">
                  <Input.TextArea rows={2} maxLength={1000} data-testid="case-noPenaltyReason" />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item name="decidedOn" label="决定日期" required>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} />
      </Form.Item>
    </>
  );
}

export const decide: CaseActionForm<'decide', Values> = {
  Fields: DecideFields,
  initialValues: () => ({ measures: [{ kind: 'penalty' }], decidedOn: dayjs() }),
  body: (v, c) => ({
    action: 'decide', version: c.version, documentNo: v.documentNo || null, decidedOn: day(v.decidedOn),
    // The reason is asked for only while no measure imposes a penalty (a hidden field keeps what was typed).
    noPenaltyReason: imposesPenalty(v.measures) ? null : v.noPenaltyReason || null,
    measures: (v.measures ?? []).map((m) => {
      const note = m.note || null;
      if (m.kind === 'penalty') return { kind: 'penalty', fineOnEnterpriseYuan: m.fineOnEnterpriseYuan ?? 0, fineOnPrincipalYuan: m.fineOnPrincipalYuan ?? 0, note };
      if (m.kind === 'judicial_referral') return { kind: 'judicial_referral', personCount: m.personCount as number, note };
      return { kind: m.kind as Exclude<MeasureKind, 'penalty' | 'judicial_referral'>, note };
    }),
  }),
  width: 640,
};
