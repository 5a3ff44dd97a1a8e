// 登记演练/培训: an enterprise's drill or training (the enterprise's own account, or a supervising
// unit for an enterprise in scope), or on /drills/staff/new the 执法人员培训 of a unit's own staff.
// One column on a phone: what, when, how many, what was done, photos and the sign-in sheet.
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DrillCreate } from '../../../contract/drills.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, type ActivityCategory, type ActivityKind } from '../../../domain/drills/drill-requirement.ts';
import { paths } from '../../app/paths.ts';
import { EnterpriseSelect } from '../../components/enterprise-select.tsx';
import { FileUploader } from '../../components/file-uploader.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { dayjs } from '../../lib/format.ts';
import { enumParam, uuidParam } from '../../lib/search-params.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { useCreateDrill } from './api/drills.ts';
import { enterpriseKindOptions } from './components/labels.tsx';

interface Values {
  category?: ActivityCategory; kind?: ActivityKind; enterpriseId?: string | null; unitId?: string; heldOn?: Dayjs | null;
  participants?: number | null; content?: string; photoIds?: TStoredFile[]; signInFileIds?: TStoredFile[];
}

const FIRST_KIND: Record<ActivityCategory, ActivityKind> = { drill: 'comprehensive_drill', training: 'all_staff_training' };
const PLACEHOLDER: Record<ActivityCategory | 'staff', string> = {
  drill: '演练科目和场景、参演岗位、过程，发现的问题和改进措施',
  training: '培训主题、授课人、主要内容和考核情况',
  staff: '培训主题、授课人、主要内容，如：安全生产法、行政执法程序、重大事故隐患判定标准',
};

/** The units whose staff training the caller may record: its own, and for an office the units below it. */
function useStaffUnits() {
  const me = useCurrentUser();
  const office = me.unit.kind === 'township' || me.unit.kind === 'district';
  const below = useUnits({ parentId: me.unit.id }, { enabled: office });
  const units = (below.data?.items ?? []).filter((u) => u.kind === 'department' || u.kind === 'village');
  const options = [
    { label: '本单位', title: 'self', options: [{ value: me.unit.id, label: me.unit.name }] },
    ...(office ? [
      { label: '科室/站所', title: 'departments', options: units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })) },
      { label: '村/社区', title: 'villages', options: units.filter((u) => u.kind === 'village').map((u) => ({ value: u.id, label: u.name })) },
    ] : []),
  ].filter((g) => g.options.length > 0);
  return { options, loading: office && below.isPending, single: !office };
}

function DrillForm({ staff }: { staff: boolean }) {
  const me = useCurrentUser();
  const own = me.enterpriseId;
  const [sp] = useSearchParams();
  const presetEnterprise = own ?? uuidParam(sp.get('enterpriseId') ?? undefined);
  const preset = useEnterprise(presetEnterprise);
  const staffUnits = useStaffUnits();
  const create = useCreateDrill();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [uploading, setUploading] = useState(false);
  const category = Form.useWatch('category', form) ?? 'drill';
  const startCategory = enumParam(sp.get('category') ?? undefined, ACTIVITY_CATEGORIES) ?? 'drill';

  const onFinish = (v: Values) => {
    const body = {
      enterpriseId: staff ? null : (own ?? v.enterpriseId ?? null),
      unitId: staff ? (staffUnits.single ? me.unit.id : v.unitId ?? null) : null,
      kind: staff ? 'enforcement_staff_training' : v.kind,
      heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '',
      participants: v.participants ?? 0,
      content: v.content ?? '',
      photoIds: (v.photoIds ?? []).map((f) => f.id),
      signInFileIds: (v.signInFileIds ?? []).map((f) => f.id),
    };
    const checked = parseWithSchema(form, DrillCreate, body);
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    create.mutate(checked.data, {
      onSuccess: (rec) => {
        void message.success('已登记');
        navigate(paths.drills.detail(rec.id), { replace: true });
      },
      onError: (e) => {
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });
  };

  const backTo = staff ? paths.drills.staff : own || !presetEnterprise ? paths.drills.list : paths.enterprises.detail(presetEnterprise);
  const title = staff ? '登记执法人员培训' : '登记演练/培训';
  return (
    <PageContainer title={title} backTo={backTo}>
      <Card size="small" style={{ maxWidth: 720 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={(c: Values) => {
            clearErrorsOnChange(form)(c as Record<string, unknown>);
            if (c.category) form.setFieldValue('kind', FIRST_KIND[c.category]);
          }}
          initialValues={{
            category: startCategory, kind: FIRST_KIND[startCategory], heldOn: dayjs(), enterpriseId: presetEnterprise ?? null,
            unitId: staffUnits.single ? me.unit.id : undefined, photoIds: [], signInFileIds: [],
          }}
          data-testid="drill-form"
        >
          {staff ? (
            staffUnits.single ? (
              <Form.Item label="受训单位"><Typography.Text data-testid="drill-unit-name">{me.unit.name}</Typography.Text></Form.Item>
            ) : (
              <Form.Item name="unitId" label="受训单位" required extra="登记本单位或辖区内科室、村（社区）执法人员参加的培训">
                <Select aria-label="受训单位" showSearch={{ optionFilterProp: 'label' }} options={staffUnits.options} loading={staffUnits.loading} placeholder="选择受训单位" data-testid="drill-unit" />
              </Form.Item>
            )
          ) : own ? (
            <Form.Item label="生产经营单位"><Typography.Text data-testid="drill-enterprise-name">{preset.data?.name ?? '本单位'}</Typography.Text></Form.Item>
          ) : (
            <Form.Item name="enterpriseId" label="生产经营单位" required>
              <EnterpriseSelect current={preset.data ?? null} testId="drill-enterprise" />
            </Form.Item>
          )}
          {!staff && (
            <Flex gap={8} wrap>
              <Form.Item name="category" label="类别" required style={{ flex: '1 1 200px' }}>
                <Radio.Group optionType="button" buttonStyle="solid" options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: ACTIVITY_CATEGORY_LABELS[c] }))} data-testid="drill-category" />
              </Form.Item>
              <Form.Item name="kind" label="类型" required style={{ flex: '1 1 200px' }}>
                <Select aria-label="类型" options={enterpriseKindOptions(category)} data-testid="drill-kind" />
              </Form.Item>
            </Flex>
          )}
          <Flex gap={8} wrap>
            <Form.Item name="heldOn" label="开展日期" required style={{ flex: '1 1 160px' }}>
              <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="drill-heldOn" />
            </Form.Item>
            <Form.Item name="participants" label="参加人数" required style={{ flex: '1 1 160px' }}>
              <InputNumber style={{ width: '100%' }} min={1} max={100000} precision={0} inputMode="numeric" placeholder="人数" suffix="人" data-testid="drill-participants" />
            </Form.Item>
          </Flex>
          <Form.Item name="content" label={staff || category === 'training' ? '培训内容' : '演练内容'} required>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={PLACEHOLDER[staff ? 'staff' : category]} data-testid="drill-content" />
          </Form.Item>
          <Form.Item name="photoIds" label="现场照片" valuePropName="value">
            <FileUploader purpose="evidence" kind="photo" max={9} onBusyChange={setUploading} inputTestId="drill-photos" buttonText="拍照或选图" />
          </Form.Item>
          <Form.Item name="signInFileIds" label="签到表" valuePropName="value" extra="签到表的照片或 PDF 扫描件">
            <FileUploader purpose="report" kind="document" max={9} onBusyChange={setUploading} inputTestId="drill-signin" buttonText="拍照或上传" />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            <Link to={backTo}><Button>取消</Button></Link>
            <Button type="primary" htmlType="submit" loading={create.isPending} disabled={uploading} data-testid="drill-submit">{uploading ? '文件上传中…' : '登记'}</Button>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function DrillFormPage() {
  return <DrillForm staff={false} />;
}

export function StaffTrainingFormPage() {
  return <DrillForm staff />;
}
