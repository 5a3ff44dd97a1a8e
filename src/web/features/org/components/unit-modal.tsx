import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type TUnit, UnitCreate, UnitUpdate } from '../../../../contract/org.ts';
import type { z } from '../../../../contract/zod.ts';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../domain/access/roles.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useCreateUnit } from '../api/create-unit.ts';
import { useUpdateUnit } from '../api/update-unit.ts';

type CreatableKind = z.input<typeof UnitCreate>['kind'];
const CREATABLE: CreatableKind[] = ['township', 'village', 'department'];

/** Which kinds of unit may be the parent of each kind. */
export const PARENT_KINDS: Record<CreatableKind, UnitKind[]> = {
  township: ['district'],
  village: ['township'],
  department: ['district', 'township'],
};

export type UnitModalState =
  | { mode: 'create'; kind?: CreatableKind; parentId?: string }
  | { mode: 'edit'; unit: TUnit }
  | null;

interface Values {
  kind?: CreatableKind;
  parentId?: string;
  name?: string;
  /** District only: the prefix of its hazard numbers. */
  code?: string;
  sectorIds?: string[];
  sortOrder?: number | null;
}

export function UnitModal({
  state, units, sectors, onClose,
}: {
  state: UnitModalState;
  units: TUnit[];
  sectors: { id: string; name: string; active: boolean }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const code = Form.useWatch('code', form);
  const editing = state?.mode === 'edit' ? state.unit : null;
  const effectiveKind: UnitKind | undefined = editing ? editing.kind : kind;

  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    if (state.mode === 'edit') {
      form.setFieldsValue({ name: state.unit.name, code: state.unit.code ?? '', sectorIds: state.unit.sectorIds, sortOrder: state.unit.sortOrder });
    } else {
      form.setFieldsValue({ kind: state.kind, parentId: state.parentId, sectorIds: [], sortOrder: 0 });
    }
  }, [state, form]);

  const parentOptions = useMemo(() => {
    const allowed = kind ? PARENT_KINDS[kind] : [];
    return units
      .filter((u) => u.active && allowed.includes(u.kind))
      .map((u) => ({ value: u.id, label: `${u.name}（${UNIT_KIND_LABELS[u.kind]}）` }));
  }, [units, kind]);

  const sectorOptions = sectors
    .filter((s) => s.active || editing?.sectorIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}（已停用）` }));

  const onOk = () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const onError = (e: unknown) => setError(formErrorMessage(form, e));
    if (editing) {
      const newCode = v.code?.trim() ?? '';
      const check = parseWithSchema(form, UnitUpdate, {
        name: v.name,
        // Only a district has a prefix; it is sent when changed (it can be changed, not removed).
        code: editing.kind === 'district' && newCode !== (editing.code ?? '') ? newCode : undefined,
        sectorIds: editing.kind === 'department' ? v.sectorIds ?? [] : undefined,
        sortOrder: v.sortOrder ?? 0,
        version: editing.version,
      });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      update.mutate({ id: editing.id, body: check.data }, { onSuccess: onClose, onError });
    } else {
      const check = parseWithSchema(form, UnitCreate, {
        kind: v.kind,
        parentId: v.parentId,
        name: v.name,
        sectorIds: v.kind === 'department' ? v.sectorIds ?? [] : [],
        sortOrder: v.sortOrder ?? 0,
      });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      create.mutate(check.data, { onSuccess: onClose, onError });
    }
  };

  const title = editing
    ? `编辑${UNIT_KIND_LABELS[editing.kind]}：${editing.name}`
    : `新增${kind ? UNIT_KIND_LABELS[kind] : '组织单元'}`;

  return (
    <Modal
      title={title}
      open={!!state}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: create.isPending || update.isPending, ...testId('unit-save') }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        {!editing && (
          <>
            <Form.Item name="kind" label="类型" required>
              <Select
                options={CREATABLE.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
                onChange={() => form.setFieldValue('parentId', undefined)}
                data-testid="unit-kind"
              />
            </Form.Item>
            <Form.Item name="parentId" label="上级" required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={parentOptions}
                placeholder={kind ? '选择上级' : '请先选择类型'}
                data-testid="unit-parent"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label="名称" required>
          <Input maxLength={64} data-testid="unit-name" />
        </Form.Item>
        {editing?.kind === 'district' && (
          <Form.Item
            name="code"
            label="隐患编号前缀"
            normalize={(v: string | undefined) => v?.toUpperCase().replace(/[^A-Z]/g, '')}
            extra={
              <>
                <div>1-6位大写字母，如 YB → YB-2024-000123</div>
                <div>修改后只影响此后新编号的隐患，已有编号不变</div>
                {code ? <div>本区隐患编号示例：<span className="mono">{code}-{new Date().getFullYear()}-000123</span></div> : null}
              </>
            }
          >
            <Input maxLength={6} placeholder={editing.code ? undefined : '未设置（使用默认前缀）'} style={{ width: 200 }} data-testid="unit-code" />
          </Form.Item>
        )}
        {effectiveKind === 'department' && (
          <Form.Item name="sectorIds" label="监管的行业领域" extra="科室/站所按所选行业领域查看和监管生产经营单位">
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={sectorOptions} data-testid="unit-sectors" />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
