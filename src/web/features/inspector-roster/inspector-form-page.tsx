// 登记/修改技术检查员: name, 专职/兼职, the unit worked for (the caller's own region: a township, its
// departments and villages; the district and its own departments), serving from (to), certificates.
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { INSPECTOR_EMPLOYMENTS, INSPECTOR_EMPLOYMENT_LABELS, InspectorCreate, type InspectorEmployment } from '../../../contract/inspector-roster.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { dayjs } from '../../lib/format.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { useInspector, useSaveInspector } from './api/inspector-roster.ts';

interface Values {
  name?: string; employment?: InspectorEmployment; unitId?: string; fromDate?: Dayjs | null; toDate?: Dayjs | null; certificates?: string; note?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function InspectorFormPage() {
  const { id } = useParams();
  const me = useCurrentUser();
  const existing = useInspector(id);
  const save = useSaveInspector();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const below = useUnits({ parentId: me.unit.id });
  const r = existing.data;

  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      name: r.name, employment: r.employment, unitId: r.unitId, fromDate: dayjs(r.fromDate), toDate: r.toDate ? dayjs(r.toDate) : null,
      certificates: r.certificates ?? '', note: r.note ?? '',
    });
  }, [r, form]);

  // a township: itself, its departments and villages; the district: itself and its own departments
  const units = (below.data?.items ?? []).filter((u) => u.kind === 'department' || u.kind === 'village');
  const unitOptions = [
    { label: '本级', title: 'self', options: [{ value: me.unit.id, label: me.unit.name }] },
    { label: '科室/站所', title: 'departments', options: units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })) },
    ...(me.unit.kind === 'township' ? [{ label: '村/社区', title: 'villages', options: units.filter((u) => u.kind === 'village').map((u) => ({ value: u.id, label: u.name })) }] : []),
  ];

  const onFinish = (v: Values) => {
    const body = {
      name: v.name ?? '', employment: v.employment as InspectorEmployment, unitId: v.unitId ?? '', fromDate: day(v.fromDate) ?? '', toDate: day(v.toDate),
      certificates: v.certificates || null, note: v.note || null,
    };
    const checked = parseWithSchema(form, InspectorCreate, body);
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    save.mutate(
      { id, body: id ? { ...body, version: r?.version ?? 0 } : body },
      {
        onSuccess: (rec) => {
          void message.success(id ? '已保存' : '已登记');
          navigate(paths.inspectorRoster.detail(rec.id), { replace: true });
        },
        onError: (e) => {
          const msg = formErrorMessage(form, e);
          if (msg) void message.error(msg);
        },
      },
    );
  };

  const backTo = id ? paths.inspectorRoster.detail(id) : paths.inspectorRoster.list;
  const title = id ? '修改技术检查员' : '登记技术检查员';
  if (id && existing.isError) return <PageContainer title={title} backTo={backTo}><ErrorDisplay error={existing.error} backTo={paths.inspectorRoster.list} /></PageContainer>;
  return (
    <PageContainer title={title} backTo={backTo}>
      <Card size="small" style={{ maxWidth: 680 }}>
        {id && !r ? (
          <Skeleton active />
        ) : (
          <Form<Values> form={form} layout="vertical" initialValues={{ employment: 'full_time', fromDate: dayjs() }} onFinish={onFinish}
            onValuesChange={(changed: Values) => clearErrorsOnChange(form)(changed as Record<string, unknown>)}>
            <Flex gap={8} wrap>
              <Form.Item name="name" label="姓名" required style={{ flex: '1 1 180px' }}>
                <Input maxLength={32} data-testid="roster-name" />
              </Form.Item>
              <Form.Item name="employment" label="专兼职" required style={{ flex: '1 1 160px' }}>
                <Radio.Group optionType="button" options={INSPECTOR_EMPLOYMENTS.map((e) => ({ value: e, label: INSPECTOR_EMPLOYMENT_LABELS[e] }))} data-testid="roster-employment" />
              </Form.Item>
            </Flex>
            <Form.Item name="unitId" label="所在单位" required extra={me.unit.kind === 'district' ? '区级名册：本区或区级部门' : '本镇（街道）、科室站所或村（社区）'}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择所在单位" loading={below.isPending} data-testid="roster-unit" />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="fromDate" label="起始日期" required style={{ flex: '1 1 160px' }}>
                <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="roster-from" />
              </Form.Item>
              <Form.Item name="toDate" label="离任日期" extra="仍在岗的不填" style={{ flex: '1 1 160px' }}>
                <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="roster-to" />
              </Form.Item>
            </Flex>
            <Form.Item name="certificates" label="证书" extra="如：注册安全工程师、特种设备检验员">
              <Input maxLength={200} data-testid="roster-certificates" />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Flex gap={8} justify="flex-end">
              <Link to={backTo}><Button>取消</Button></Link>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="roster-submit">保存</Button>
            </Flex>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
