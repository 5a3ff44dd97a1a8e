// One modal for every action the server allows on a hazard: a form for the action's body,
// validated with the contract's schema, sent with the version the page was showing.
import { Alert, App, AutoComplete, Button, Col, DatePicker, Descriptions, type DescriptionsProps, Flex, Form, Image, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TStoredFile } from '../../../../contract/files.ts';
import {
  HazardActionRequest, LISTING_LEVELS, LISTING_LEVEL_LABELS, PlanInput, REPORT_KINDS, REPORT_RECIPIENTS,
} from '../../../../contract/hazards.ts';
import { shanghaiDay } from '../../../../domain/common/dates.ts';
import { dueDateRefusal, extensionDateRefusal } from '../../../../domain/hazards/hazard-assignment.ts';
import { HAZARD_LEVELS, HAZARD_LEVEL_LABELS, canChangeHazardLevel } from '../../../../domain/hazards/hazard-machine.ts';
import { applyFieldErrors, clearErrorsOnChange, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { ApiError, errorMessage, isApiError } from '../../../lib/api.ts';
import { useCurrentUser } from '../../../lib/auth.ts';
import { dayjs, formatDateTime } from '../../../lib/format.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useActOnHazard } from '../api/act-on-hazard.ts';
import type { HazardActionBody, HazardDetailData } from '../api/keys.ts';
import { FileUploader } from '../../../components/file-uploader.tsx';
import { ACTION_LABELS, type AllowedAction } from './labels.ts';

export const REPORT_KIND_LABELS = { discovery: '发现报告', rectification: '整改报告' } as const;
export const REPORT_RECIPIENT_LABELS = { department: '监管部门', government: '属地政府' } as const;
const REPORT_METHODS = ['书面报告', '电话报告', '系统报送', '当面报告', '传真'];

/** Values a caller may preset, e.g. the 双报告 cell that was clicked. */
export type ActionPreset = Partial<{ kind: (typeof REPORT_KINDS)[number]; recipient: (typeof REPORT_RECIPIENTS)[number] }>;

type Values = Record<string, unknown> & {
  owner?: string; measures?: string; fundsYuan?: number | null; dueDate?: Dayjs | null; contingencyPlan?: string;
  contingencyFileIds?: TStoredFile[]; afterPhotoIds?: TStoredFile[]; evidenceFileIds?: TStoredFile[];
  note?: string; reason?: string; signerName?: string; newDueDate?: Dayjs | null; approve?: boolean; accept?: boolean;
  toUnitId?: string; level?: string; leaderName?: string; listedOn?: Dayjs | null; documentNo?: string;
  kind?: string; recipient?: string; reportedAt?: Dayjs | null; reportedBy?: string; reportedTo?: string; method?: string;
  description?: string; location?: string; sectorId?: string; category?: string; criterion?: string;
};

const ids = (files: TStoredFile[] | undefined) => (files ?? []).map((f) => f.id);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function initialValuesFor(action: AllowedAction, h: HazardDetailData, me: { displayName: string }, preset: ActionPreset): Values {
  const plan = h.plans[0];
  switch (action) {
    case 'submit_plan':
      return plan
        ? {
            owner: plan.owner, measures: plan.measures, fundsYuan: plan.fundsYuan, dueDate: dayjs(plan.dueDate),
            contingencyPlan: plan.contingencyPlan ?? '', contingencyFileIds: plan.files,
          }
        : { dueDate: h.dueDate ? dayjs(h.dueDate) : null, contingencyFileIds: [] };
    case 'report_rectification':
      return { afterPhotoIds: [] };
    case 'verify_pass':
      return { signerName: me.displayName, evidenceFileIds: [] };
    case 'decide_extension':
      return { approve: true };
    case 'decide_transfer':
      return { accept: true };
    case 'list':
      return { level: 'township', listedOn: dayjs() };
    case 'record_dual_report':
      return {
        kind: preset.kind ?? 'discovery', recipient: preset.recipient ?? 'department', reportedAt: dayjs(),
        reportedBy: me.displayName, method: '书面报告',
      };
    case 'edit':
      return {
        description: h.description, location: h.location, sectorId: h.sectorId, category: h.category ?? '',
        level: h.level, criterion: h.criterion ?? '',
      };
    default:
      return {};
  }
}

/** The request body for the action from the form's values. */
function bodyFor(action: AllowedAction, v: Values, h: HazardDetailData): HazardActionBody | null {
  const version = h.version;
  switch (action) {
    case 'submit_plan':
      return {
        action, version,
        plan: {
          owner: v.owner ?? '', measures: v.measures ?? '', fundsYuan: v.fundsYuan as number, dueDate: day(v.dueDate),
          contingencyPlan: v.contingencyPlan || null, contingencyFileIds: ids(v.contingencyFileIds),
        },
      };
    case 'accept':
      return { action, version, note: v.note || null };
    case 'report_rectification':
      return { action, version, note: v.note ?? '', afterPhotoIds: ids(v.afterPhotoIds) };
    case 'verify_pass':
      return { action, version, note: v.note || null, evidenceFileIds: ids(v.evidenceFileIds), signerName: v.signerName ?? '' };
    case 'verify_fail':
    case 'recheck_reopen':
    case 'void':
      return { action, version, reason: v.reason ?? '' };
    case 'recheck_pass':
      return { action, version, note: v.note ?? '' };
    case 'request_extension':
      return { action, version, newDueDate: day(v.newDueDate), reason: v.reason ?? '' };
    case 'decide_extension':
      return { action, version, approve: !!v.approve, note: v.note || null };
    case 'transfer':
      return { action, version, toUnitId: v.toUnitId ?? '', reason: v.reason ?? '' };
    case 'decide_transfer':
      return { action, version, accept: !!v.accept, reason: v.reason || null };
    case 'list':
      return {
        action, version, level: (v.level ?? 'township') as (typeof LISTING_LEVELS)[number], leaderName: v.leaderName ?? '',
        listedOn: day(v.listedOn), documentNo: v.documentNo ?? '',
      };
    case 'record_dual_report':
      return {
        action, version, kind: v.kind as (typeof REPORT_KINDS)[number], recipient: v.recipient as (typeof REPORT_RECIPIENTS)[number],
        reportedAt: v.reportedAt ? v.reportedAt.toISOString() : '', reportedBy: v.reportedBy ?? '', reportedTo: v.reportedTo ?? '',
        method: v.method ?? '',
      };
    case 'edit': {
      // Only what changed, so the history shows what was corrected.
      const changed: Record<string, unknown> = {};
      const put = (key: keyof HazardDetailData & keyof Values, next: unknown, prev: unknown) => {
        if ((next ?? '') !== (prev ?? '')) changed[key] = next;
      };
      put('description', v.description, h.description);
      put('location', v.location, h.location);
      put('sectorId', v.sectorId, h.sectorId);
      put('category', v.category || null, h.category);
      put('level', v.level, h.level);
      put('criterion', v.level === 'major' ? v.criterion || null : null, h.criterion);
      if (Object.keys(changed).length === 0) return null;
      return { action, version, ...changed } as HazardActionBody;
    }
  }
}

export function HazardActionModal({
  hazard, action, preset = {}, onClose,
}: {
  hazard: HazardDetailData;
  action: AllowedAction | null;
  preset?: ActionPreset;
  onClose: () => void;
}) {
  return (
    <Modal
      title={action ? ACTION_LABELS[action] : ''}
      open={!!action}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={640}
      mask={{ closable: false }}
    >
      {action && <ActionForm key={action} hazard={hazard} action={action} preset={preset} onClose={onClose} />}
    </Modal>
  );
}

function ActionForm({ hazard: h, action, preset, onClose }: { hazard: HazardDetailData; action: AllowedAction; preset: ActionPreset; onClose: () => void }) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useActOnHazard();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [initialValues] = useState(() => initialValuesFor(action, h, me, preset));

  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const body = bodyFor(action, v, h);
    if (!body) {
      setError('没有修改任何内容');
      return;
    }
    if (body.action === 'submit_plan') {
      const check = parseWithSchema(form, PlanInput, body.plan);
      const noContingency = !body.plan.contingencyPlan && (body.plan.contingencyFileIds ?? []).length === 0;
      if (noContingency) form.setFields([{ name: 'contingencyPlan', errors: ['请填写应急预案，或上传预案文件'] }]);
      if (!check.ok || noContingency) {
        if (!check.ok && check.unmatched.length) setError(check.unmatched.join('；'));
        return;
      }
    } else {
      const check = parseWithSchema(form, HazardActionRequest, body);
      if (!check.ok) {
        const empty: { name: string; errors: string[] }[] = [];
        if (body.action === 'transfer' && !body.toUnitId) empty.push({ name: 'toUnitId', errors: ['请选择接收单位'] });
        if (body.action === 'edit' && body.sectorId === '') empty.push({ name: 'sectorId', errors: ['请选择行业领域'] });
        if (empty.length) form.setFields(empty);
        if (check.unmatched.length) setError(check.unmatched.join('；'));
        return;
      }
    }
    try {
      await act.mutateAsync({ id: h.id, body });
      void message.success(`${ACTION_LABELS[action]}：已完成`);
      onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void message.warning(`${e.message.replace(/[，,]?\s*请刷新后重试[。.]?$/, '')}：页面已更新为最新内容，请核对后重新操作`);
        onClose();
        return;
      }
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldErrors) {
        // The plan's fields come back as "plan.owner" and the like.
        const flat: Record<string, string[]> = {};
        for (const [k, msgs] of Object.entries(e.fieldErrors)) flat[k.replace(/^plan\./, '')] = msgs;
        const unmatched = applyFieldErrors(form, flat);
        setError(unmatched.length ? unmatched.join('；') : e.message);
        return;
      }
      setError(errorMessage(e));
    }
  };

  const okText = action === 'void' ? '确认作废' : action === 'verify_pass' ? '签名并销号' : '提交';
  const danger = action === 'void' || action === 'verify_fail' || action === 'recheck_reopen';

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void submit()}
      onValuesChange={(changed: Record<string, unknown>) => {
        clearErrorsOnChange(form)(changed);
        setError(null);
      }}
      data-testid="hazard-action-form"
    >
      <ActionFields action={action} hazard={h} form={form} setBusy={setBusy} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="hazard-action-error" />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" danger={danger} htmlType="submit" loading={act.isPending} disabled={busy} {...testId('hazard-action-submit')}>
          {busy ? '文件上传中…' : okText}
        </Button>
      </Flex>
    </Form>
  );
}

function ActionFields({
  action, hazard: h, form, setBusy,
}: {
  action: AllowedAction;
  hazard: HazardDetailData;
  form: ReturnType<typeof Form.useForm<Values>>[0];
  setBusy: (b: boolean) => void;
}) {
  const me = useCurrentUser();
  const sectors = useSectors({}, { enabled: action === 'edit' });
  // On a phone the calendar is easier than the keyboard; on a desktop both work.
  const readOnlyDates = useIsMobile();
  const level = Form.useWatch('level', form);
  const accept = Form.useWatch('accept', form);
  // The dates the server would refuse (the same domain rules, on the township's today) are not offered.
  const today = shanghaiDay(new Date());
  // The server says where this hazard may go (a village's township departments, or the district's).
  const departmentOptions = h.transferTargets.map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));
  const reason = (label: string, placeholder?: string) => (
    <Form.Item name="reason" label={label} required>
      <Input.TextArea rows={3} maxLength={1000} showCount placeholder={placeholder} data-testid="hazard-action-reason" />
    </Form.Item>
  );

  switch (action) {
    case 'submit_plan':
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
            <FileUploader purpose="plan" kind="document" inputTestId="plan-file-input" onBusyChange={setBusy} />
          </Form.Item>
        </>
      );
    case 'accept':
      return (
        <>
          <PlanSummary h={h} />
          <Form.Item name="note" label="审核意见">
            <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
          </Form.Item>
        </>
      );
    case 'report_rectification':
      return (
        <>
          <Form.Item name="afterPhotoIds" label="整改后照片" required>
            <FileUploader purpose="after" inputTestId="hazard-action-photo-input" onBusyChange={setBusy} />
          </Form.Item>
          <Form.Item name="note" label="整改情况" required>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder="说明采取的整改措施和结果" data-testid="hazard-action-note" />
          </Form.Item>
        </>
      );
    case 'verify_pass':
      return (
        <>
          <RectificationSummary h={h} />
          <Form.Item name="evidenceFileIds" label="验收证据（照片或文件）" extra="验收现场照片、验收记录等">
            <FileUploader purpose="evidence" kind="document" inputTestId="hazard-action-file-input" onBusyChange={setBusy} buttonText="拍照/上传" />
          </Form.Item>
          <Form.Item name="note" label="验收意见">
            <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
          </Form.Item>
          <Form.Item name="signerName" label="验收人签名" required>
            <Input maxLength={32} data-testid="hazard-action-signer" />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="谁验收、谁签名、谁负责"
            description="提交即视为签名：系统记录验收人姓名、签名时间和验收内容的哈希摘要，销号后不可更改。"
          />
        </>
      );
    case 'verify_fail':
      return reason('不通过原因', '说明哪些问题尚未整改到位');
    case 'recheck_reopen':
      return reason('重新整改原因', '回头看发现的问题');
    case 'void':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="作废后隐患不再计入统计，记录和历史仍保留。" />
          {reason('作废原因', '如：重复录入、查实不属于隐患')}
        </>
      );
    case 'recheck_pass':
      return (
        <Form.Item name="note" label="回头看情况" required>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="复查情况，如：整改措施持续有效" data-testid="hazard-action-note" />
        </Form.Item>
      );
    case 'request_extension':
      return (
        <>
          <Typography.Paragraph type="secondary">当前整改期限：{h.dueDate ?? '未设定'}</Typography.Paragraph>
          <Form.Item name="newDueDate" label="延期至" required>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={readOnlyDates}
              disabledDate={(d) => extensionDateRefusal(day(d), h.dueDate, today) !== null}
              data-testid="hazard-action-date"
            />
          </Form.Item>
          {reason('延期原因')}
        </>
      );
    case 'decide_extension': {
      const pending = h.extensions.find((x) => x.status === 'pending');
      return (
        <>
          {pending && (
            <Summary
              items={[
                { key: 'dates', label: '期限', children: `${pending.oldDueDate ?? '未设定'} → ${pending.newDueDate}` },
                { key: 'reason', label: '原因', children: pending.reason },
                { key: 'at', label: '申请时间', children: formatDateTime(pending.requestedAt) },
              ]}
            />
          )}
          <Form.Item name="approve" label="审批结果" required>
            <Radio.Group options={[{ value: true, label: '同意延期' }, { value: false, label: '不同意' }]} data-testid="hazard-action-approve" />
          </Form.Item>
          <Form.Item name="note" label="审批意见">
            <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
          </Form.Item>
        </>
      );
    }
    case 'transfer':
      return (
        <>
          <Typography.Paragraph type="secondary">
            移送后由接收单位负责监管，接收前仍由{h.responsibleUnitName}负责；全部移送经过均保留。
          </Typography.Paragraph>
          <Form.Item name="toUnitId" label="接收单位" required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={me.unit.kind === 'village' ? '选择本镇科室/站所' : me.unit.kind === 'department' ? '选择区级部门' : '选择科室/站所/部门'}
              options={departmentOptions}
              notFoundContent="没有可移送的部门"
              data-testid="hazard-action-unit"
            />
          </Form.Item>
          {reason('移送原因', '如：属于燃气行业监管范围')}
        </>
      );
    case 'decide_transfer': {
      const pending = h.transfers.find((t) => t.status === 'pending');
      return (
        <>
          {pending && (
            <Summary
              items={[
                { key: 'from', label: '移送单位', children: pending.fromUnitName },
                { key: 'reason', label: '移送原因', children: pending.reason },
                { key: 'at', label: '移送时间', children: formatDateTime(pending.requestedAt) },
              ]}
            />
          )}
          <Form.Item name="accept" label="处理" required>
            <Radio.Group options={[{ value: true, label: '接收' }, { value: false, label: '退回' }]} data-testid="hazard-action-accept" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={accept === false ? '退回原因' : '说明'}
            required={accept === false}
            rules={accept === false ? [{ required: true, whitespace: true, message: '请填写退回原因' }] : []}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-reason" />
          </Form.Item>
        </>
      );
    }
    case 'list':
      return (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label="督办级别" required>
              <Select options={LISTING_LEVELS.map((l) => ({ value: l, label: LISTING_LEVEL_LABELS[l] }))} data-testid="hazard-action-level" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="leaderName" label="督办领导" required>
              <Input maxLength={32} data-testid="hazard-action-leader" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="listedOn" label="挂牌日期" required>
              <DatePicker style={{ width: '100%' }} inputReadOnly={readOnlyDates} data-testid="hazard-action-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="documentNo" label="督办文号" required>
              <Input maxLength={64} placeholder="如：×安委办〔2024〕12号" data-testid="hazard-action-document-no" />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'record_dual_report':
      return (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="报告类型" required>
              <Radio.Group optionType="button" options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="recipient" label="报告对象" required>
              <Radio.Group optionType="button" options={REPORT_RECIPIENTS.map((r) => ({ value: r, label: REPORT_RECIPIENT_LABELS[r] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reportedAt" label="报告时间" required>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={readOnlyDates} data-testid="hazard-action-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="method" label="报告方式" required>
              <AutoComplete options={REPORT_METHODS.map((m) => ({ value: m }))} maxLength={32} data-testid="hazard-action-method" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reportedBy" label="报告人" required>
              <Input maxLength={32} data-testid="hazard-action-reported-by" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reportedTo" label="接收单位/人" required>
              <Input maxLength={64} placeholder="如：镇应急办 王某" data-testid="hazard-action-reported-to" />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'edit': {
      // The same rule the server applies (domain): the level is fixed once rectification or acceptance began.
      const levelLocked = !canChangeHazardLevel({ status: h.status, accepted: h.acceptedAt !== null });
      return (
        <>
          <Form.Item name="description" label="隐患描述" required>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="hazard-action-description" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="location" label="隐患部位" required>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="sectorId" label="行业领域" required>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(() => {
                    const opts = (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
                    if (!opts.some((o) => o.value === h.sectorId)) opts.unshift({ value: h.sectorId, label: h.sectorName });
                    return opts;
                  })()}
                  loading={sectors.isLoading}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="category" label="隐患类别">
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="level"
                label="隐患等级"
                required
                extra={levelLocked ? '整改开始或方案审核后不能再改等级' : undefined}
              >
                <Radio.Group
                  optionType="button"
                  disabled={levelLocked}
                  options={HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {level === 'major' && (
            <Form.Item name="criterion" label="判定依据" required rules={[{ required: true, whitespace: true, message: '重大隐患须填写判定依据' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </>
      );
    }
  }
}

/** What the verifier checks against: the reported rectification and the after photos. */
function RectificationSummary({ h }: { h: HazardDetailData }) {
  return (
    <div className="verify-summary">
      <div className="photo-col-title">整改情况</div>
      <Typography.Paragraph style={{ marginBottom: 8 }} className="pre-wrap">{h.rectificationNote ?? '—'}</Typography.Paragraph>
      {h.afterPhotos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={6}>
            {h.afterPhotos.map((f) => (
              <Image key={f.id} src={f.url} alt={f.originalName} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

/** What the action decides on (a pending request, the plan), one field a line above the form. */
function Summary({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} items={items} />;
}

function PlanSummary({ h }: { h: HazardDetailData }) {
  const plan = h.plans[0];
  if (!plan) return <Alert type="warning" showIcon title="尚无五落实整改方案" style={{ marginBottom: 12 }} />;
  return (
    <Summary
      items={[
        { key: 'owner', label: '责任人', children: plan.owner },
        { key: 'measures', label: '整改措施', children: plan.measures },
        { key: 'funds', label: '整改资金', children: `${plan.fundsYuan.toLocaleString('zh-CN')} 元` },
        { key: 'due', label: '整改时限', children: plan.dueDate },
        { key: 'contingency', label: '应急预案', children: plan.contingencyPlan ?? (plan.files.length ? `${plan.files.length} 个预案文件` : '—') },
      ]}
    />
  );
}
