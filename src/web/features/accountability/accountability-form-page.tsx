// 登记/修改问责: 追责问责 of an official (name, position, unit) or 约谈通报 of a unit of the
// region (picked) or a named one. Enterprises are not targets: their 约谈 and 通报 are case measures.
import { App, AutoComplete, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_MEASURE_SUGGESTIONS, AccountabilityCreate, type AccountabilityKind, type AccountabilityTargetType,
} from '../../../contract/accountability.ts';
import { hazardRoutes } from '../../../contract/hazards.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { api } from '../../lib/api.ts';
import { dayjs } from '../../lib/format.ts';
import { uuidParam } from '../../lib/search-params.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { useAccountabilityRecord, useSaveAccountability } from './api/accountability.ts';

interface Values {
  kind?: AccountabilityKind; targetType?: AccountabilityTargetType; targetName?: string; targetUnitId?: string | null; position?: string;
  measure?: string; reason?: string; hazardId?: string | null; accident?: string; decidedOn?: Dayjs | null; decidedBy?: string; documentNo?: string;
}

/**
 * Search-as-you-type hazard picker (GET /api/hazards?q=), for the record's linked hazard. It takes
 * Form.Item's id for its input, so that the 关联隐患 label names it.
 */
function HazardPicker({ id, value, onChange, current }: {
  id?: string; value?: string | null; onChange?: (v: string | null) => void; current: { id: string; number: string } | null;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['hazards', 'accountability-picker', q],
    queryFn: ({ signal }) => api(hazardRoutes.list, { query: { q: q || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.number} ${h.enterpriseName} ${h.description}` }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.number });
  return (
    <Select id={id} allowClear value={value ?? undefined} onChange={(v: string | undefined) => onChange?.(v ?? null)} options={options}
      showSearch={{ filterOption: false, onSearch: setQ }} placeholder="输入隐患编号或单位名称搜索" loading={found.isFetching} data-testid="accountability-hazard" />
  );
}

export function AccountabilityFormPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const existing = useAccountabilityRecord(id);
  const save = useSaveAccountability();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const villages = useUnits({ kind: 'village' });
  const departments = useUnits({ kind: 'department' });
  const townships = useUnits({ kind: 'township' });
  const targetType = Form.useWatch('targetType', form);
  const r = existing.data;

  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      kind: r.kind, targetType: r.targetType, targetName: r.targetUnitId && r.targetType === 'unit' ? '' : r.targetName, targetUnitId: r.targetUnitId,
      position: r.position ?? '', measure: r.measure, reason: r.reason, hazardId: r.hazard?.id ?? null, accident: r.accident ?? '',
      decidedOn: dayjs(r.decidedOn), decidedBy: r.decidedBy, documentNo: r.documentNo ?? '',
    });
  }, [r, form]);

  const unitOptions = [
    { label: '镇/街道', title: 'townships', options: (townships.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
    { label: '科室/站所', title: 'departments', options: (departments.data?.items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name })) },
    { label: '村/社区', title: 'villages', options: (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
  ];

  const onFinish = (v: Values) => {
    const body = {
      kind: v.kind as AccountabilityKind, targetType: v.targetType as AccountabilityTargetType, targetName: v.targetName || null,
      targetUnitId: v.targetUnitId ?? null, position: v.targetType === 'person' ? v.position || null : null, measure: v.measure ?? '',
      reason: v.reason ?? '', hazardId: v.hazardId ?? null, accident: v.accident || null,
      decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : '', decidedBy: v.decidedBy ?? '', documentNo: v.documentNo || null,
    };
    const checked = parseWithSchema(form, AccountabilityCreate, body);
    if (!checked.ok) {
      // A problem with no field of its own on the form is still said.
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    save.mutate(
      { id, body: id ? { ...body, version: r?.version ?? 0 } : body },
      {
        onSuccess: (rec) => {
          void message.success(id ? '已保存' : '已登记');
          navigate(paths.accountability.detail(rec.id), { replace: true });
        },
        onError: (e) => {
          const msg = formErrorMessage(form, e);
          if (msg) void message.error(msg);
        },
      },
    );
  };

  const backTo = id ? paths.accountability.detail(id) : paths.accountability.list;
  const title = id ? '修改问责记录' : '登记问责';
  if (id && existing.isError) {
    return <PageContainer title={title} backTo={backTo}><ErrorDisplay error={existing.error} backTo={paths.accountability.list} /></PageContainer>;
  }
  return (
    <PageContainer title={title} backTo={backTo}>
      <Card size="small" style={{ maxWidth: 760 }}>
        {id && !r ? (
          <Skeleton active />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ kind: 'accountability', targetType: 'person', decidedOn: dayjs(), hazardId: uuidParam(sp.get('hazardId') ?? undefined) ?? null }}
            onFinish={onFinish}
            onValuesChange={(changed: Values) => {
              clearErrorsOnChange(form)(changed as Record<string, unknown>);
              // 追责问责 is of persons, 约谈通报 usually of units: switch the default with the kind.
              if (changed.kind) form.setFieldValue('targetType', changed.kind === 'accountability' ? 'person' : 'unit');
            }}
          >
            <Form.Item name="kind" label="类型" required>
              <Radio.Group optionType="button" options={(['accountability', 'interview_notice'] as const).map((k) => ({ value: k, label: ACCOUNTABILITY_KIND_LABELS[k] }))} data-testid="accountability-kind" />
            </Form.Item>
            <Form.Item name="targetType" label="对象类别" required>
              <Radio.Group options={[{ value: 'person', label: '个人（干部）' }, { value: 'unit', label: '部门或单位' }]} />
            </Form.Item>
            {targetType === 'unit' ? (
              <>
                <Form.Item name="targetUnitId" label="本辖区单位" extra="选择本辖区的镇街、部门或村（社区）；其他单位在下方填写名称">
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择单位" data-testid="accountability-unit" />
                </Form.Item>
                <Form.Item name="targetName" label="其他单位名称">
                  <Input maxLength={64} placeholder="如：区交通运输委员会" />
                </Form.Item>
              </>
            ) : (
              <Flex gap={8} wrap>
                <Form.Item name="targetName" label="姓名" required style={{ flex: '1 1 160px' }}>
                  <Input maxLength={64} data-testid="accountability-targetName" />
                </Form.Item>
                <Form.Item name="position" label="职务" style={{ flex: '1 1 160px' }}>
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name="targetUnitId" label="所在单位" style={{ flex: '1 1 100%' }}>
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择所在单位" />
                </Form.Item>
              </Flex>
            )}
            <Form.Item name="measure" label="问责措施" required>
              <AutoComplete options={ACCOUNTABILITY_MEASURE_SUGGESTIONS.map((m) => ({ value: m }))} placeholder="如：诫勉谈话、通报批评、约谈" filterOption={(input, o) => String(o?.value ?? '').includes(input)} data-testid="accountability-measure" />
            </Form.Item>
            <Form.Item name="reason" label="问责事由" required>
              <Input.TextArea rows={3} maxLength={2000} data-testid="accountability-reason" />
            </Form.Item>
            <Form.Item name="hazardId" label="关联隐患">
              <HazardPicker current={r?.hazard ?? null} />
            </Form.Item>
            <Form.Item name="accident" label="事故情况" extra="因事故问责时简述事故（时间、地点、伤亡）">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="decidedOn" label="决定日期" required style={{ flex: '1 1 160px' }}>
                <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="decidedBy" label="决定机关" required style={{ flex: '1 1 160px' }}>
                <Input maxLength={64} placeholder="如：镇纪委、镇安委会" data-testid="accountability-decidedBy" />
              </Form.Item>
              <Form.Item name="documentNo" label="文号" style={{ flex: '1 1 160px' }}>
                <Input maxLength={64} />
              </Form.Item>
            </Flex>
            <Flex gap={8} justify="flex-end">
              <Link to={backTo}><Button>取消</Button></Link>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="accountability-submit">保存</Button>
            </Flex>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
