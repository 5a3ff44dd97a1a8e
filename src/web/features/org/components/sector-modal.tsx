import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { SectorCreate, SectorUpdate, type TSector } from '../../../../contract/org.ts';
import { formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useCreateSector } from '../api/create-sector.ts';
import { useUpdateSector } from '../api/update-sector.ts';

export type SectorModalState = { mode: 'create'; nextSortOrder: number } | { mode: 'edit'; sector: TSector } | null;

export function SectorModal({ state, onClose }: { state: SectorModalState; onClose: () => void }) {
  const [form] = Form.useForm<{ name?: string; sortOrder?: number | null }>();
  const create = useCreateSector();
  const update = useUpdateSector();
  const [error, setError] = useState<string | null>(null);
  const editing = state?.mode === 'edit' ? state.sector : null;

  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      state.mode === 'edit'
        ? { name: state.sector.name, sortOrder: state.sector.sortOrder }
        : { sortOrder: state.nextSortOrder },
    );
  }, [state, form]);

  const onOk = () => {
    setError(null);
    const v = form.getFieldsValue(true) as { name?: string; sortOrder?: number | null };
    const onError = (e: unknown) => setError(formErrorMessage(form, e));
    if (editing) {
      const check = parseWithSchema(form, SectorUpdate, { name: v.name, sortOrder: v.sortOrder ?? 0, version: editing.version });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      update.mutate({ id: editing.id, body: check.data }, { onSuccess: onClose, onError });
    } else {
      const check = parseWithSchema(form, SectorCreate, { name: v.name, sortOrder: v.sortOrder ?? 0 });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      create.mutate(check.data, { onSuccess: onClose, onError });
    }
  };

  return (
    <Modal
      title={editing ? `修改行业领域：${editing.name}` : '新增行业领域'}
      open={!!state}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: create.isPending || update.isPending, ...testId('sector-save') }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="名称" required>
          <Input maxLength={32} placeholder="如：危险化学品、燃气、消防" data-testid="sector-name" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
