// 新建 / 修改专项行动: name, 文号, period, stages (name, dates, what is due), the report cycle for
// continuous tasks and how many days ahead units are reminded.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useCampaignChecklists, useCreateCampaign, useUpdateCampaign } from '../api/campaigns.ts';
import type { CampaignDetailData } from '../api/keys.ts';

interface StageValues { name: string; range: [Dayjs, Dayjs]; due?: string }
interface Values {
  name: string; docNumber?: string; period: [Dayjs, Dayjs]; stages: StageValues[]; reportCycleText: string; remindDaysBefore: number; note?: string;
  parentId?: string; keySectorIds: string[]; checklistTemplateIds: string[];
}
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function CampaignFormModal({ open, onClose, campaign, parentOptions = [] }: {
  open: boolean; onClose: () => void; campaign?: CampaignDetailData; parentOptions?: { id: string; name: string }[];
}) {
  const sectors = useSectors({}, { enabled: open });
  const checklists = useCampaignChecklists(open);
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const initial: Partial<Values> = campaign
    ? {
      name: campaign.name, docNumber: campaign.docNumber ?? undefined, period: [dayjs(campaign.periodStart), dayjs(campaign.periodEnd)],
      stages: campaign.stages.map((s) => ({ name: s.name, range: [dayjs(s.startDate), dayjs(s.endDate)], due: s.due ?? undefined })),
      reportCycleText: campaign.reportCycleText, remindDaysBefore: campaign.remindDaysBefore, note: campaign.note ?? undefined,
      keySectorIds: campaign.keySectors.map((x) => x.id), checklistTemplateIds: campaign.checklists.map((x) => x.id),
    }
    : { stages: [], reportCycleText: '每月', remindDaysBefore: 3, keySectorIds: [], checklistTemplateIds: [] };
  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    const body = {
      name: v.name, docNumber: v.docNumber ?? null, periodStart: day(v.period[0]), periodEnd: day(v.period[1]),
      stages: (v.stages ?? []).map((s) => ({ name: s.name, startDate: day(s.range[0]), endDate: day(s.range[1]), due: s.due ?? null })),
      reportCycleText: v.reportCycleText, remindDaysBefore: v.remindDaysBefore, note: v.note ?? null,
      keySectorIds: v.keySectorIds ?? [], checklistTemplateIds: v.checklistTemplateIds ?? [],
    };
    const onError = (e: unknown) => setError(formErrorMessage(form, e));
    if (campaign) update.mutate({ ...body, version: campaign.version }, { onSuccess: onClose, onError });
    else create.mutate({ ...body, parentId: v.parentId ?? null }, { onSuccess: (c) => { onClose(); navigate(paths.campaigns.detail(c.id)); }, onError });
  };
  return (
    <Modal
      title={campaign ? '修改专项行动' : '新建专项行动'} open={open} onCancel={onClose} onOk={() => void onOk()} width={720}
      confirmLoading={create.isPending || update.isPending} okText="保存" okButtonProps={{ ...testId('campaign-save') }} destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写专项行动名称' }]}>
          <Input maxLength={200} placeholder="如：秋冬季安全生产大排查" data-testid="campaign-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="docNumber" label="文号" style={{ flex: '1 1 200px' }}><Input maxLength={100} placeholder="如：邻鄂府发〔2023〕58号" /></Form.Item>
          <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择起止日期' }]} style={{ flex: '1 1 260px' }}>
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="campaign-period" />
          </Form.Item>
        </Flex>
        {!campaign && parentOptions.length > 0 && (
          <Form.Item name="parentId" label="落实的区级专项行动（选填）">
            <Select allowClear options={parentOptions.map((p) => ({ value: p.id, label: p.name }))} placeholder="本镇方案落实哪个区级专项行动" />
          </Form.Item>
        )}
        <Form.List name="stages">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 12 }}>
              <span>阶段安排</span>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写阶段名称' }]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                    <Input placeholder={`第${i + 1}阶段名称`} maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: '请选择阶段起止日期' }]} style={{ flex: '1 1 240px', marginBottom: 8 }}>
                    <DatePicker.RangePicker style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']} style={{ flex: '2 1 200px', marginBottom: 8 }}><Input placeholder="本阶段工作重点（选填）" maxLength={2000} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第${i + 1}阶段`} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>添加阶段</Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={12} wrap>
          <Form.Item name="reportCycleText" label="常态化任务报送周期" extra="如：每月、每月14日和月底、每季度" rules={[{ required: true, message: '请填写报送周期' }]} style={{ flex: '1 1 240px' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="remindDaysBefore" label="到期前提醒（天）" rules={[{ required: true, message: '请填写天数' }]} style={{ flex: '0 1 160px' }}>
            <InputNumber min={0} max={30} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="keySectorIds" label="重点行业领域" style={{ flex: '1 1 240px' }}>
            <Select mode="multiple" allowClear optionFilterProp="label" loading={sectors.isLoading} placeholder="选填"
              options={(sectors.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="checklistTemplateIds" label="使用的检查表" style={{ flex: '1 1 240px' }}>
            <Select mode="multiple" allowClear optionFilterProp="label" loading={checklists.isLoading} placeholder="选填"
              options={(checklists.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="说明"><Input.TextArea maxLength={2000} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
