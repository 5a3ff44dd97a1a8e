// Adds one or several enterprises to one month of a plan (several go through the bulk endpoint).
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useTypedSearch } from '../../../lib/use-typed-search.ts';
import { useEnterpriseSearch } from '../../../reference-data/search-enterprises.ts';
import { useAddEntries } from '../api/add-entries.ts';
import { MONTH_OPTIONS, PLAN_TYPE_OPTIONS } from './labels.ts';
import { shanghaiDay } from '../../../../domain/common/dates.ts';

interface Values { enterpriseIds: string[]; month: number; isKey: boolean; keyFromEnterprise: boolean; inspectionType?: (typeof PLAN_TYPE_OPTIONS)[number]['value']; note?: string }

export function AddEntryModal({ planId, open, onClose, month }: { planId: string; open: boolean; onClose: () => void; month?: number | undefined }) {
  const [form] = Form.useForm<Values>();
  const add = useAddEntries(planId);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [q, setText, typingAhead] = useTypedSearch();
  const search = useEnterpriseSearch(q, { enabled: open });
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const items = search.data?.items ?? [];
    if (items.length) setKnown((m) => new Map([...m, ...items.map((e) => [e.id, `${e.name}（${e.villageName}）${e.isKey ? ' · 重点' : ''}`] as const)]));
  }, [search.data]);
  // As in the enterprise picker: the results of an older query are never offered while typing is ahead.
  const stale = typingAhead || search.isPlaceholderData;
  const options = useMemo(
    () => (stale ? [] : (search.data?.items ?? [])).map((e) => ({ value: e.id, label: known.get(e.id) ?? e.name })),
    [search.data, known, stale],
  );
  const keyFromEnterprise = Form.useWatch('keyFromEnterprise', form);

  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    add.mutate(
      { enterpriseIds: v.enterpriseIds, month: v.month, isKey: v.keyFromEnterprise ? null : v.isKey, inspectionType: v.inspectionType ?? null, note: v.note ?? null },
      {
        onSuccess: (r) => {
          void message.success(r.skipped ? `已添加 ${r.added} 家，${r.skipped} 家已在该月计划中` : `已添加 ${r.added} 家`);
          form.resetFields(['enterpriseIds', 'note']);
          onClose();
        },
        onError: (e) => setError(formErrorMessage(form, e)),
      },
    );
  };

  return (
    <Modal title="添加计划检查单位" open={open} onCancel={onClose} onOk={() => void onOk()} confirmLoading={add.isPending} okButtonProps={{ ...testId('entry-add-ok') }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ month: month ?? Number(shanghaiDay(new Date()).slice(5, 7)), isKey: false, keyFromEnterprise: true }}>
        <Form.Item name="enterpriseIds" label="生产经营单位（可多选）" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setText }}
            options={options}
            optionRender={(o) => known.get(String(o.value)) ?? o.label}
            labelRender={(o) => known.get(String(o.value)) ?? o.label}
            placeholder="输入单位名称搜索"
            loading={search.isFetching || typingAhead}
            notFoundContent={search.isFetching || stale ? '搜索中…' : '没有找到单位'}
            data-testid="entry-enterprises"
          />
        </Form.Item>
        <Form.Item name="month" label="计划月份" rules={[{ required: true, message: '请选择月份' }]}>
          <Select options={MONTH_OPTIONS} style={{ width: 120 }} data-testid="entry-month" />
        </Form.Item>
        <Form.Item name="inspectionType" label="检查类型">
          <Select allowClear options={PLAN_TYPE_OPTIONS} style={{ width: 160 }} placeholder="不限" />
        </Form.Item>
        <Form.Item name="keyFromEnterprise" label="重点企业按单位的“重点监管”标记" valuePropName="checked"><Switch /></Form.Item>
        {!keyFromEnterprise && <Form.Item name="isKey" label="列为重点企业" valuePropName="checked"><Switch data-testid="entry-key" /></Form.Item>}
        <Form.Item name="note" label="备注"><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
