// One modal for every action the server allows on a case: a form for the action's body, sent
// with the version the page was showing. The decision takes any number of measures, each with
// the inputs of its kind (fines in yuan, persons referred).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, type FormInstance, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TStoredFile } from '../../../../contract/files.ts';
import { CASE_SIDE_ACTION_LABELS, type CaseAllowedAction } from '../../../../domain/enforcement/case-policy.ts';
import { CASE_ACTION_LABELS, MEASURE_IMPOSES_PENALTY, MEASURE_KINDS, MEASURE_KIND_LABELS, type MeasureKind } from '../../../../domain/enforcement/enforcement.ts';
import { applyFieldErrors, clearErrorsOnChange } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { dayjs } from '../../../lib/format.ts';
import { FileUploader } from '../../../components/file-uploader.tsx';
import { useActOnCase } from '../api/act-on-case.ts';
import type { CaseActionBody, CaseDetailData } from '../api/keys.ts';

export const CASE_ACTION_TITLES: Record<CaseAllowedAction, string> = { ...CASE_ACTION_LABELS, ...CASE_SIDE_ACTION_LABELS };

interface MeasureValues { kind?: MeasureKind; fineOnEnterpriseYuan?: number | null; fineOnPrincipalYuan?: number | null; personCount?: number | null; note?: string }
interface Values {
  note?: string; measures?: MeasureValues[]; documentNo?: string; decidedOn?: Dayjs | null; noPenaltyReason?: string;
  executedOn?: Dayjs | null; closedOn?: Dayjs | null; publicationSummary?: string; dangerousOperationCrime?: boolean; fileIds?: TStoredFile[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function bodyFor(action: CaseAllowedAction, v: Values, version: number): CaseActionBody | undefined {
  switch (action) {
    case 'investigate':
      return { action, version, note: v.note || null };
    case 'decide':
      return {
        action, version, documentNo: v.documentNo || null, decidedOn: day(v.decidedOn), noPenaltyReason: v.noPenaltyReason || null,
        measures: (v.measures ?? []).map((m) => {
          const note = m.note || null;
          if (m.kind === 'penalty') return { kind: 'penalty', fineOnEnterpriseYuan: m.fineOnEnterpriseYuan ?? 0, fineOnPrincipalYuan: m.fineOnPrincipalYuan ?? 0, note };
          if (m.kind === 'judicial_referral') return { kind: 'judicial_referral', personCount: m.personCount as number, note };
          return { kind: m.kind as Exclude<MeasureKind, 'penalty' | 'judicial_referral'>, note };
        }),
      };
    case 'execute':
      return { action, version, executedOn: day(v.executedOn), note: v.note || null };
    case 'close':
      return { action, version, note: v.note ?? '', closedOn: v.closedOn ? day(v.closedOn) : null };
    case 'publish':
      return { action, version, publicationSummary: v.publicationSummary ?? '', dangerousOperationCrime: !!v.dangerousOperationCrime };
    case 'unpublish':
      return { action, version };
    case 'attach':
      return { action, version, fileIds: (v.fileIds ?? []).map((f) => f.id) };
  }
}

/** Server errors onto the form, `measures.N.field` onto that measure's input; the rest returned. */
function showErrors(form: FormInstance<Values>, fieldErrors: Record<string, string[]>): string[] {
  const nested: { name: (string | number)[]; errors: string[] }[] = [];
  const flat: Record<string, string[]> = {};
  for (const [key, errors] of Object.entries(fieldErrors)) {
    const m = /^measures\.(\d+)\.(\w+)$/.exec(key);
    if (m) nested.push({ name: ['measures', Number(m[1]), m[2]!], errors });
    else flat[key] = errors;
  }
  form.setFields(nested as Parameters<typeof form.setFields>[0]);
  return applyFieldErrors(form, flat);
}

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

function ActionFields({ action, form, onBusyChange }: { action: CaseAllowedAction; form: FormInstance<Values>; onBusyChange: (busy: boolean) => void }) {
  switch (action) {
    case 'investigate':
      return <Form.Item name="note" label="调查说明"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>;
    case 'decide': {
      return (
        <>
          <MeasureList />
          <Form.Item noStyle shouldUpdate>
            {() => {
              const measures = (form.getFieldValue('measures') ?? []) as MeasureValues[];
              const penal = measures.some((m) => m.kind && MEASURE_IMPOSES_PENALTY[m.kind]);
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
    case 'execute':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="决定中的全部处理措施记为已执行" />
          <Form.Item name="executedOn" label="执行日期" required><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} /></Form.Item>
          <Form.Item name="note" label="执行情况"><Input.TextArea rows={3} maxLength={1000} placeholder="如：罚款已缴纳，已停产整顿" /></Form.Item>
        </>
      );
    case 'close':
      return (
        <>
          <Form.Item name="note" label="结案说明" required><Input.TextArea rows={3} maxLength={1000} data-testid="case-close-note" /></Form.Item>
          <Form.Item name="closedOn" label="结案日期"><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} /></Form.Item>
        </>
      );
    case 'publish':
      return (
        <>
          <Form.Item name="publicationSummary" label="案例摘要" required>
            <Input.TextArea rows={5} maxLength={4000} showCount placeholder="违法事实、处理结果及警示意义" data-testid="case-publicationSummary" />
          </Form.Item>
          <Form.Item name="dangerousOperationCrime" valuePropName="checked">
            <Checkbox data-testid="case-dangerousOperationCrime">危险作业罪（刑法第一百三十四条之一）</Checkbox>
          </Form.Item>
        </>
      );
    case 'unpublish':
      return <Alert type="warning" showIcon title="撤回后该案件不再作为典型执法案例统计" />;
    case 'attach':
      return (
        <Form.Item name="fileIds" label="文书（PDF 或照片）" required>
          <FileUploader purpose="case" kind="document" inputTestId="case-file-input" buttonText="选择文件" onBusyChange={onBusyChange} />
        </Form.Item>
      );
  }
}

export function CaseActionModal({ c, action, onClose }: { c: CaseDetailData; action: CaseAllowedAction | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const act = useActOnCase();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  if (!action) return null;
  const initial: Values = {
    measures: action === 'decide' ? [{ kind: 'penalty' }] : undefined, decidedOn: dayjs(), executedOn: dayjs(), closedOn: dayjs(),
    fileIds: [], dangerousOperationCrime: c.dangerousOperationCrime,
  };
  const submit = (v: Values) => {
    setProblem(null);
    act.mutate(
      { id: c.id, body: bodyFor(action, v, c.version)! },
      {
        onSuccess: () => {
          void message.success(`${CASE_ACTION_TITLES[action]}：已完成`);
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldErrors) {
            const rest = showErrors(form, e.fieldErrors);
            setProblem(rest.length ? rest.join('；') : e.message);
          } else setProblem(errorMessage(e));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={CASE_ACTION_TITLES[action]}
      onCancel={() => { setProblem(null); onClose(); }}
      onOk={() => form.submit()}
      okText={action === 'unpublish' ? '撤回' : '确定'}
      okButtonProps={{ loading: act.isPending, disabled: uploading, danger: action === 'unpublish', ...testId('case-action-submit') }}
      destroyOnHidden
      width={action === 'decide' ? 640 : 520}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={clearErrorsOnChange(form)}>
        <ActionFields action={action} form={form} onBusyChange={setUploading} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="case-action-error" />}
    </Modal>
  );
}
