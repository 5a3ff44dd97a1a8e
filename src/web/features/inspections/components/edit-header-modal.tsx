// 修改检查信息 of a draft: date, ways of inspecting, co-inspectors and place (type, enterprise and
// checklist are fixed once answers exist). A change voids signatures already given.
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { InspectionUpdate } from '../../../../contract/inspections.ts';
import {
  INSPECTION_METHOD_TAGS, INSPECTION_METHOD_TAG_LABELS, type InspectionMethodTag, isSelfInspection, methodTagAllowed,
} from '../../../../domain/inspections/inspection-rules.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { isApiError } from '../../../lib/api.ts';
import { dayjs } from '../../../lib/format.ts';
import { useInspectionOptions } from '../api/inspection-options.ts';
import type { InspectionDetailData } from '../api/keys.ts';
import { useUpdateInspection } from '../api/update-inspection.ts';

interface FormValues {
  inspectedOn?: Dayjs | null;
  methodTags?: InspectionMethodTag[];
  coInspectorUserIds?: string[];
  location?: string;
}

export function EditHeaderModal({ d, open, onClose }: { d: InspectionDetailData; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateInspection();
  const options = useInspectionOptions();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const self = isSelfInspection(d.type);
  const enforcement = d.type === 'enforcement';
  // The one who started it (listed first) stays an inspector; the others are the co-inspectors.
  const creatorId = d.inspectors[0]?.userId;
  const coIds = d.inspectors.map((i) => i.userId).filter((id) => id !== creatorId);
  const known = new Map((options.data?.coInspectors ?? []).map((c) => [c.userId, c]));
  for (const i of d.inspectors) if (!known.has(i.userId)) known.set(i.userId, { userId: i.userId, name: i.name, certificateNo: i.certificateNo });
  const anySigned = d.inspectors.some((i) => i.signed);

  const onOk = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as FormValues;
    const check = parseWithSchema(form, InspectionUpdate, {
      version: d.version,
      // A self-inspection keeps the day it was done.
      inspectedOn: !self && v.inspectedOn ? v.inspectedOn.format('YYYY-MM-DD') : undefined,
      methodTags: self ? undefined : (v.methodTags ?? []),
      coInspectorUserIds: v.coInspectorUserIds ?? [],
      location: v.location || null,
    });
    if (!check.ok) {
      if (check.unmatched.length) setError(check.unmatched.join('；'));
      return;
    }
    try {
      await update.mutateAsync({ id: d.id, body: check.data });
      void message.success('已修改检查信息');
      onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void message.warning(e.message);
        onClose();
        return;
      }
      setError(formErrorMessage(form, e));
    }
  };

  return (
    <Modal
      title="修改检查信息"
      open={open}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText="保存"
      okButtonProps={{ loading: update.isPending, ...testId('inspection-header-submit') }}
      destroyOnHidden
    >
      {anySigned && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="修改后，已签名的检查人员须重新签名" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ inspectedOn: dayjs(d.inspectedOn), methodTags: d.methodTags, coInspectorUserIds: coIds, location: d.location ?? '' }}
      >
        <Form.Item name="inspectedOn" label="检查日期" required>
          <DatePicker style={{ width: '100%' }} disabled={self} disabledDate={(x) => x.isAfter(dayjs(), 'day')} inputReadOnly={isMobile} allowClear={false} />
        </Form.Item>
        {!self && (
          <Form.Item name="methodTags" label="检查方式">
            <Checkbox.Group
              options={INSPECTION_METHOD_TAGS.map((t) => ({ value: t, label: INSPECTION_METHOD_TAG_LABELS[t], disabled: !methodTagAllowed(d.type, t) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="coInspectorUserIds" label="同行检查人员">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.isLoading}
            options={[...known.values()].filter((c) => c.userId !== creatorId).map((c) => ({
              value: c.userId,
              label: enforcement ? `${c.name}（${c.certificateNo ? `执法证 ${c.certificateNo}` : '无执法证号'}）` : c.name,
            }))}
            data-testid="inspection-header-co-inspectors"
          />
        </Form.Item>
        <Form.Item name="location" label="检查地点" extra="不填则为单位地址" style={{ marginBottom: 0 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
    </Modal>
  );
}
