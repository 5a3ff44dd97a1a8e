// The triage actions of a public report, one small form each, for the shared action-modal shell:
// 受理 (optionally asking a department), 指派, 属实 / 部分属实 (the hazard it records, pre-filled
// from the report), 不属实, 重复 (the earlier report's number), 不予受理, the public reply and the
// internal note.
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { HAZARD_LEVEL_LABELS } from '../../../../domain/hazards/hazard-machine.ts';
import type { TipAction } from '../../../../domain/tips/tip-workflow.ts';
import type { ActionFormDefinition } from '../../../components/action-modal.tsx';
import { EnterpriseSelect } from '../../../components/enterprise-select.tsx';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useUnits } from '../../../reference-data/list-units.ts';
import type { TipActionBody, TipData } from '../api/tips.ts';

type Def<V extends object> = ActionFormDefinition<TipData, TipActionBody, undefined, V>;

function DepartmentField({ required }: { required?: boolean }) {
  const departments = useUnits({ kind: 'department' });
  return (
    <Form.Item name="assignedUnitId" label="核查科室" required={required} extra={required ? undefined : '可不选：由安委办自行核查'}>
      <Select aria-label="核查科室" allowClear showSearch optionFilterProp="label" loading={departments.isPending} placeholder="选择负责核查的科室/站所" data-testid="tip-department"
        options={departments.data?.items.map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }))} />
    </Form.Item>
  );
}

const accept: Def<{ assignedUnitId?: string }> = {
  Fields: () => <DepartmentField />,
  initialValues: (t) => ({ assignedUnitId: t.assignedUnit?.id }),
  body: (v, t) => ({ action: 'accept', version: t.version, assignedUnitId: v.assignedUnitId ?? null }),
  okText: '受理',
  width: 520,
};
const assign: Def<{ assignedUnitId?: string }> = {
  Fields: () => <DepartmentField />,
  initialValues: (t) => ({ assignedUnitId: t.assignedUnit?.id }),
  body: (v, t) => ({ action: 'assign', version: t.version, assignedUnitId: v.assignedUnitId ?? null }),
  width: 520,
};

interface HazardValues { reason?: string; enterpriseId?: string | null; sectorId?: string; level?: 'general' | 'major'; description?: string; location?: string; dueDate?: Dayjs | null }

function HazardFields() {
  const sectors = useSectors();
  return (
    <>
      <Form.Item name="reason" label="核查情况" required>
        <Input.TextArea rows={3} maxLength={1000} placeholder="何时何人到现场核查，看到的情况" data-testid="tip-reason" />
      </Form.Item>
      <p className="text-muted">核查属实的，登记为隐患（来源：群众举报），举报的照片作为隐患照片，进入隐患台账整改闭环。</p>
      <Form.Item name="enterpriseId" label="隐患所在单位" required extra="未登记的单位（如个体店铺）请先在“生产经营单位”中新增">
        <EnterpriseSelect testId="tip-enterprise" />
      </Form.Item>
      <Form.Item name="sectorId" label="行业领域" required>
        <Select aria-label="行业领域" showSearch optionFilterProp="label" loading={sectors.isPending} data-testid="tip-sector" options={sectors.data?.items.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="level" label="隐患等级" required>
        <Radio.Group options={Object.entries(HAZARD_LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="description" label="隐患描述" required extra="隐患描述和照片企业可以看到：请删去可能透露举报人身份的内容">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="location" label="隐患部位" required><Input maxLength={200} /></Form.Item>
      <Form.Item name="dueDate" label="整改期限"><DatePicker style={{ width: '100%' }} /></Form.Item>
    </>
  );
}
const hazardDef = (action: 'substantiate' | 'substantiate_partly'): Def<HazardValues> => ({
  Fields: HazardFields,
  initialValues: (t) => ({ level: 'general', description: t.description.slice(0, 2000), location: t.place, enterpriseId: t.enterprise?.id ?? null }),
  body: (v, t) => ({
    action, version: t.version, reason: v.reason ?? '',
    hazard: {
      enterpriseId: v.enterpriseId ?? '', sectorId: v.sectorId ?? '', level: v.level ?? 'general', description: v.description ?? '', location: v.location ?? '',
      category: null, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    },
  }),
  extraErrors: (b) => ('hazard' in b && !b.hazard.enterpriseId ? { enterpriseId: ['请选择隐患所在单位'] } : null),
  okText: action === 'substantiate' ? '核查属实，登记隐患' : '部分属实，登记隐患',
});

const reasonOnly = (action: 'find_unfounded' | 'reject', label: string, placeholder: string): Def<{ reason?: string }> => ({
  Fields: () => (
    <Form.Item name="reason" label={label} required>
      <Input.TextArea rows={4} maxLength={1000} placeholder={placeholder} data-testid="tip-reason" />
    </Form.Item>
  ),
  body: (v, t) => ({ action, version: t.version, reason: v.reason ?? '' }),
  danger: action === 'reject',
  width: 560,
});

const duplicate: Def<{ reason?: string; duplicateOfNumber?: string }> = {
  Fields: () => (
    <>
      <Form.Item name="duplicateOfNumber" label="原举报编号" required extra="如 JB-2026-000012"><Input maxLength={32} data-testid="tip-duplicate-of" /></Form.Item>
      <Form.Item name="reason" label="说明" required><Input.TextArea rows={3} maxLength={1000} placeholder="与原举报为同一事项，按原举报办理" /></Form.Item>
    </>
  ),
  body: (v, t) => ({ action: 'mark_duplicate', version: t.version, reason: v.reason ?? '', duplicateOfNumber: v.duplicateOfNumber ?? '' }),
  width: 520,
};

const reply: Def<{ reply?: string }> = {
  Fields: () => (
    <Form.Item name="reply" label="答复举报人" required extra="举报人凭查询码可以看到这段答复；请勿写入举报人身份或内部信息">
      <Input.TextArea rows={5} maxLength={1000} showCount data-testid="tip-reply" />
    </Form.Item>
  ),
  initialValues: (t) => ({ reply: t.publicReply ?? '' }),
  body: (v, t) => ({ action: 'reply', version: t.version, reply: v.reply ?? '' }),
  okText: '保存答复',
};

const note: Def<{ note?: string }> = {
  Fields: () => (
    <Form.Item name="note" label="内部备注" required extra="仅工作人员可见，举报人看不到">
      <Input.TextArea rows={4} maxLength={2000} data-testid="tip-note" />
    </Form.Item>
  ),
  initialValues: (t) => ({ note: t.internalNote ?? '' }),
  body: (v, t) => ({ action: 'note', version: t.version, note: v.note ?? '' }),
  okText: '保存备注',
};

export const TIP_ACTION_FORMS: Record<TipAction, Def<object>> = {
  accept: accept as Def<object>,
  assign: assign as Def<object>,
  substantiate: hazardDef('substantiate') as Def<object>,
  substantiate_partly: hazardDef('substantiate_partly') as Def<object>,
  find_unfounded: reasonOnly('find_unfounded', '核查情况', '现场核查的情况，说明为何不属实') as Def<object>,
  mark_duplicate: duplicate as Def<object>,
  reject: reasonOnly('reject', '不予受理的理由', '如：不属于安全生产事项，已告知向有关部门反映') as Def<object>,
  reply: reply as Def<object>,
  note: note as Def<object>,
};
