// 报告隐患: the quick report, made to be filled in on a phone at the venue. Photos upload
// as they are taken; the hazard is created with the returned file ids.
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, type SelectProps, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TEnterprise } from '../../../contract/enterprises.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import { HazardCreate } from '../../../contract/hazards.ts';
import {
  HAZARD_LEVELS, HAZARD_LEVEL_LABELS, HAZARD_SOURCES, HAZARD_SOURCE_LABELS, type HazardSource,
} from '../../../domain/hazards/hazard-machine.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { dueDateRefusal } from '../../../domain/hazards/hazard-assignment.ts';
import { defaultHazardSource } from '../../../domain/hazards/hazard-policy.ts';
import { paths } from '../../app/paths.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { EnterpriseSelect } from '../../components/enterprise-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { dayjs } from '../../lib/format.ts';
import { uuidParam } from '../../lib/search-params.ts';
import { useSectors } from '../../reference-data/list-sectors.ts';
import { useCreateHazard } from './api/create-hazard.ts';
import type { HazardCreateBody } from './api/keys.ts';
import { useCriteria } from './api/list-criteria.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { FileUploader } from '../../components/file-uploader.tsx';
import { ledgerUrl } from './components/last-list-url.ts';

/** Common groupings; free text is allowed too. */
const CATEGORY_SUGGESTIONS = [
  '基础管理', '现场管理', '消防安全', '用电安全', '设备设施', '特种设备', '危险化学品', '有限空间', '动火作业',
  '高处作业', '燃气安全', '作业环境', '应急管理', '安全教育培训',
];

interface FormValues {
  enterpriseId?: string | null;
  source?: HazardSource;
  description?: string;
  location?: string;
  sectorId?: string;
  category?: string;
  level?: 'general' | 'major';
  criterion?: string;
  foundAt?: Dayjs | null;
  fixedOnSpot?: boolean;
  beforePhotoIds?: TStoredFile[];
  afterPhotoIds?: TStoredFile[];
  rectificationNote?: string;
  dueDate?: Dayjs | null;
}

export function HazardCreatePage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const { message } = App.useApp();
  // Opened from a 督导检查: the hazard is reported through the visit and linked to it.
  const visitId = uuidParam(sp.get('visitId') ?? undefined);
  const create = useCreateHazard(visitId);
  const [form] = Form.useForm<FormValues>();
  const ownEnterprise = me.enterpriseId !== null;
  const presetId = ownEnterprise ? (me.enterpriseId ?? undefined) : uuidParam(sp.get('enterpriseId') ?? undefined);
  const preset = useEnterprise(presetId);
  const [picked, setPicked] = useState<TEnterprise | null>(null);
  const [busyBefore, setBusyBefore] = useState(false);
  const [busyAfter, setBusyAfter] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const sectors = useSectors();
  const isMobile = useIsMobile();

  const level = Form.useWatch('level', form);
  const fixedOnSpot = Form.useWatch('fixedOnSpot', form);
  const sectorId = Form.useWatch('sectorId', form);
  const criteria = useCriteria(sectorId || undefined, level === 'major');

  // The preselected (or own) enterprise arrives after the first render.
  useEffect(() => {
    if (!preset.data) return;
    const e = preset.data;
    setPicked(e);
    if (!form.getFieldValue('enterpriseId')) form.setFieldsValue({ enterpriseId: e.id });
    if (!form.getFieldValue('sectorId') && e.sectorIds.length === 1) form.setFieldsValue({ sectorId: e.sectorIds[0] });
  }, [preset.data, form]);

  // A link with an enterprise the user may not report on: say so and let them pick another.
  useEffect(() => {
    if (!preset.isError || ownEnterprise) return;
    void message.warning('链接中的单位不存在或不在您的管辖范围内，请重新选择单位');
    form.setFieldsValue({ enterpriseId: null });
  }, [preset.isError, ownEnterprise, form, message]);

  const [initialValues] = useState<FormValues>(
    () => ({
      enterpriseId: presetId ?? null,
      source: visitId ? 'supervision' : defaultHazardSource(me.role),
      level: 'general',
      foundAt: dayjs(),
      fixedOnSpot: false,
      beforePhotoIds: [],
      afterPhotoIds: [],
    }),
  );

  // The enterprise's own sectors first, then the rest.
  const sectorOptions = useMemo<SelectProps['options']>(() => {
    const all = (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
    if (!picked || picked.sectorIds.length === 0) return all;
    const own = picked.sectorIds.map((id, i) => ({ value: id, label: picked.sectorNames[i] ?? all.find((s) => s.value === id)?.label ?? id }));
    const rest = all.filter((s) => !picked.sectorIds.includes(s.value));
    return [
      { label: '本单位行业领域', title: 'own', options: own },
      { label: '其他行业领域', title: 'other', options: rest },
    ];
  }, [sectors.data, picked]);

  const onEnterprise = (id: string | null, e: TEnterprise | null) => {
    setPicked(e);
    form.setFieldsValue({ enterpriseId: id });
    const current = form.getFieldValue('sectorId') as string | undefined;
    if (e && (!current || !e.sectorIds.includes(current))) form.setFieldsValue({ sectorId: e.sectorIds.length === 1 ? e.sectorIds[0] : undefined });
  };

  const onFinish = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as FormValues;
    const candidate: HazardCreateBody = {
      enterpriseId: v.enterpriseId ?? '',
      source: v.source as HazardSource,
      foundAt: v.foundAt ? v.foundAt.toISOString() : '',
      description: v.description ?? '',
      location: v.location ?? '',
      sectorId: v.sectorId ?? '',
      category: v.category || null,
      level: v.level ?? 'general',
      criterion: v.level === 'major' ? v.criterion || null : null,
      fixedOnSpot: !!v.fixedOnSpot,
      beforePhotoIds: (v.beforePhotoIds ?? []).map((f) => f.id),
      afterPhotoIds: v.fixedOnSpot ? (v.afterPhotoIds ?? []).map((f) => f.id) : [],
      rectificationNote: v.fixedOnSpot ? v.rectificationNote || null : null,
      dueDate: !v.fixedOnSpot && v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    };
    const check = parseWithSchema(form, HazardCreate, candidate);
    if (!check.ok) {
      // An empty picker reads better as "please choose" than as the schema's "invalid id".
      const empty: { name: keyof FormValues; errors: string[] }[] = [];
      if (!candidate.enterpriseId) empty.push({ name: 'enterpriseId', errors: ['请选择隐患所在单位'] });
      if (!candidate.sectorId) empty.push({ name: 'sectorId', errors: ['请选择行业领域'] });
      if (!candidate.foundAt) empty.push({ name: 'foundAt', errors: ['请选择发现时间'] });
      if (empty.length) form.setFields(empty);
      setError(check.unmatched.length ? check.unmatched.join('；') : '请按提示修改标红的项目');
      return;
    }
    setSubmitting(true);
    try {
      const h = await create.mutateAsync(candidate);
      void message.success(`已报告隐患 ${h.number}`);
      navigate(visitId ? paths.supervision.visit(visitId) : paths.hazards.detail(h.id), { replace: true });
    } catch (e) {
      setError(formErrorMessage(form, e) ?? '请按提示修改标红的项目');
    } finally {
      setSubmitting(false);
    }
  };

  const uploading = busyBefore || (!!fixedOnSpot && busyAfter);
  const half = { xs: 24, md: 12 };
  const backTo = visitId ? paths.supervision.visit(visitId) : presetId && !ownEnterprise ? paths.enterprises.detail(presetId) : ledgerUrl();
  const criterionOptions = (criteria.data?.items ?? []).map((c) => ({ value: c.text, label: <span className="wrap-option">{c.text}</span> }));

  return (
    <PageContainer title="报告隐患" backTo={backTo}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void onFinish()}
        scrollToFirstError
        onValuesChange={(changed: Record<string, unknown>) => {
          clearErrorsOnChange(form)(changed);
          setError(null);
        }}
        data-testid="hazard-form"
        className="hazard-form"
      >
        <Card title="隐患单位" size="small" className="form-section">
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="enterpriseId" label="生产经营单位" required>
                <EnterpriseSelect current={picked ?? preset.data ?? null} onChange={onEnterprise} disabled={ownEnterprise} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="source" label="隐患来源" required>
                <Select
                  placeholder="选择来源"
                  options={HAZARD_SOURCES.map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] }))}
                  disabled={ownEnterprise}
                  data-testid="hazard-source"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="隐患情况" size="small" className="form-section">
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="description" label="隐患描述" required>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如：配电箱未接地，电线私拉乱接" data-testid="hazard-description" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="location" label="隐患部位" required>
                <Input maxLength={200} placeholder="如：一号车间东侧配电箱" data-testid="hazard-location" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="sectorId" label="行业领域" required>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={picked ? '选择行业领域' : '先选单位，本单位行业领域排在前面'}
                  options={sectorOptions}
                  loading={sectors.isLoading}
                  data-testid="hazard-sector"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="category" label="隐患类别">
                <AutoComplete
                  options={CATEGORY_SUGGESTIONS.map((c) => ({ value: c }))}
                  showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                  placeholder="可选或自行填写"
                  maxLength={64}
                  allowClear
                  data-testid="hazard-category"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="foundAt" label="发现时间" required>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  inputReadOnly={isMobile}
                  allowClear={false}
                  data-testid="hazard-found-at"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="level" label="隐患等级" required>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] }))}
                  onChange={(e) => {
                    if (e.target.value === 'major') form.setFieldsValue({ fixedOnSpot: false });
                  }}
                  data-testid="hazard-level"
                />
              </Form.Item>
            </Col>
            {level === 'major' && (
              <Col xs={24}>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="重大事故隐患须制定五落实整改方案、向监管部门和属地政府双报告，不能即查即改。"
                />
                <Form.Item
                  name="criterion"
                  label="判定依据"
                  required
                  extra={criteria.isFetching ? '正在加载判定标准…' : criterionOptions.length ? '可从判定标准中选择，也可自行填写' : undefined}
                >
                  <AutoComplete
                    options={criterionOptions}
                    showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                    popupMatchSelectWidth
                    data-testid="hazard-criterion"
                  >
                    <Input.TextArea rows={2} maxLength={500} placeholder="如：《工贸企业重大事故隐患判定标准》第四条第（一）项" />
                  </AutoComplete>
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card title="整改前照片" size="small" className="form-section">
          <Form.Item name="beforePhotoIds" extra="拍下隐患现场，可多张；每张选好后立即上传" style={{ marginBottom: 0 }}>
            <FileUploader purpose="before" inputTestId="hazard-photo-input" onBusyChange={setBusyBefore} />
          </Form.Item>
        </Card>

        <Card title="整改" size="small" className="form-section">
          <Form.Item
            name="fixedOnSpot"
            label="即查即改"
            valuePropName="checked"
            extra={level === 'major' ? '重大隐患不能即查即改' : '现场已整改完毕的，上传整改后照片并填写整改情况，直接提交验收'}
          >
            <Switch checkedChildren="是" unCheckedChildren="否" disabled={level === 'major'} data-testid="hazard-fixed-on-spot" />
          </Form.Item>
          {fixedOnSpot ? (
            <>
              <Form.Item name="afterPhotoIds" label="整改后照片" required>
                <FileUploader purpose="after" inputTestId="hazard-after-photo-input" onBusyChange={setBusyAfter} />
              </Form.Item>
              <Form.Item name="rectificationNote" label="整改情况" required>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如：已更换合格配电箱并接地" data-testid="hazard-rectification-note" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="dueDate" label="整改期限" extra="可不填，由整改方案确定">
              <DatePicker
                style={{ width: '100%', maxWidth: 260 }}
                disabledDate={(d) => dueDateRefusal(d.format('YYYY-MM-DD'), shanghaiDay(new Date())) !== null}
                inputReadOnly={isMobile}
                data-testid="hazard-due-date"
              />
            </Form.Item>
          )}
        </Card>

        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="hazard-form-error" />}
        <Flex gap={8} justify="flex-end" className="form-actions form-actions-sticky">
          <Button onClick={() => navigate(backTo)} data-testid="hazard-cancel">取消</Button>
          <Button type="primary" htmlType="submit" loading={submitting} disabled={uploading} data-testid="hazard-submit">
            {uploading ? '照片上传中…' : '提交'}
          </Button>
        </Flex>
        <Typography.Text type="secondary" className="form-hint">带 * 的为必填项</Typography.Text>
      </Form>
    </PageContainer>
  );
}
