// Add or edit one 判定依据: its text, the sector it belongs to (none: 通用, offered for every
// sector) and its place in the list.
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { HazardCriterionCreate, HazardCriterionUpdate } from '../../../../contract/hazards.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { isApiError } from '../../../lib/api.ts';
import { useCreateCriterion } from '../api/create-criterion.ts';
import type { Criterion } from '../api/keys.ts';
import { useUpdateCriterion } from '../api/update-criterion.ts';

/** The Select's value for 通用 (no sector). */
export const GENERAL = '__general__';

export type CriterionModalState =
  | { mode: 'create'; nextSortOrder: number; sectorId: string | null }
  | { mode: 'edit'; criterion: Criterion }
  | null;

interface Values {
  text?: string;
  sectorId?: string;
  sortOrder?: number | null;
}

export function CriterionModal({
  state, sectors, onClose,
}: {
  state: CriterionModalState;
  sectors: { id: string; name: string; active: boolean }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateCriterion();
  const update = useUpdateCriterion();
  const [error, setError] = useState<string | null>(null);
  const editing = state?.mode === 'edit' ? state.criterion : null;

  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      state.mode === 'edit'
        ? { text: state.criterion.text, sectorId: state.criterion.sectorId ?? GENERAL, sortOrder: state.criterion.sortOrder }
        : { sectorId: state.sectorId ?? GENERAL, sortOrder: state.nextSortOrder },
    );
  }, [state, form]);

  const sectorOptions = [
    { value: GENERAL, label: '通用（所有行业领域）' },
    ...sectors
      .filter((s) => s.active || s.id === editing?.sectorId)
      .map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}（已停用）` })),
  ];

  const onOk = () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const sectorId = !v.sectorId || v.sectorId === GENERAL ? null : v.sectorId;
    const onError = (e: unknown) => {
      if (isApiError(e, 'CONFLICT')) {
        void message.warning('该判定依据已被他人修改，列表已更新，请核对后重新修改');
        onClose();
        return;
      }
      setError(formErrorMessage(form, e));
    };
    const onSuccess = () => {
      void message.success(editing ? '已保存' : '已新增');
      onClose();
    };
    if (editing) {
      const check = parseWithSchema(form, HazardCriterionUpdate, { text: v.text ?? '', sectorId, sortOrder: v.sortOrder ?? 0, version: editing.version });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      update.mutate({ id: editing.id, body: check.data }, { onSuccess, onError });
    } else {
      const check = parseWithSchema(form, HazardCriterionCreate, { text: v.text ?? '', sectorId, sortOrder: v.sortOrder ?? 0 });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      create.mutate(check.data, { onSuccess, onError });
    }
  };

  return (
    <Modal
      title={editing ? '修改判定依据' : '新增判定依据'}
      open={!!state}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: create.isPending || update.isPending, ...testId('criterion-save') }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="text" label="判定依据" required extra="标准名称及条款，报告重大隐患时供选择">
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={500}
            showCount
            placeholder="如：《工贸企业重大事故隐患判定标准》第四条第（一）项"
            data-testid="criterion-text"
          />
        </Form.Item>
        <Form.Item name="sectorId" label="行业领域" extra="通用的判定依据在所有行业领域中都会列出">
          <Select showSearch={{ optionFilterProp: 'label' }} options={sectorOptions} data-testid="criterion-sector" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} data-testid="criterion-sort" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
