// 新建检查: the header of an inspection (type, enterprise, date, checklist, ways of inspecting,
// co-inspectors, place); the checklist is then filled in item by item on the fill page.
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, type SelectProps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TEnterprise } from '../../../contract/enterprises.ts';
import { InspectionCreate } from '../../../contract/inspections.ts';
import { CHECKLIST_AUDIENCE_LABELS, type ChecklistAudience } from '../../../domain/checklists/checklist.ts';
import type { EnterpriseKind } from '../../../domain/enterprises/enterprise-rules.ts';
import {
  INSPECTION_METHOD_TAGS, INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPE_LABELS, type InspectionMethodTag, type InspectionType,
  isSelfInspection, methodTagAllowed,
} from '../../../domain/inspections/inspection-rules.ts';
import { paths } from '../../app/paths.ts';
import { EnterpriseSelect } from '../../components/enterprise-select.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { TIMEZONE, dayjs } from '../../lib/format.ts';
import { uuidParam } from '../../lib/search-params.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { useCreateInspection } from './api/create-inspection.ts';
import { useInspectionOptions } from './api/inspection-options.ts';
import type { InspectionCreateBody, InspectionOptionsData } from './api/keys.ts';
import { inspectionListUrl } from './components/last-list-url.ts';

interface FormValues {
  type?: InspectionType;
  enterpriseId?: string | null;
  inspectedOn?: Dayjs | null;
  templateCode?: string;
  methodTags?: InspectionMethodTag[];
  coInspectorUserIds?: string[];
  location?: string;
}

/** The checklists usually used for a type, listed first (and chosen when there is only one). */
const SUGGESTED_AUDIENCES: Record<InspectionType, readonly ChecklistAudience[]> = {
  enforcement: ['enterprise', 'enterprise_small', 'small_venue'],
  assistance: ['enterprise', 'enterprise_small', 'small_venue'],
  supervision: ['enterprise', 'enterprise_small', 'small_venue'],
  spot_check: ['spot_check'],
  self_daily: ['enterprise_small', 'small_venue', 'enterprise'],
  self_weekly: ['enterprise_small', 'small_venue', 'enterprise'],
  self_monthly: ['enterprise_small', 'small_venue', 'enterprise'],
};

type Template = InspectionOptionsData['templates'][number];

/** Today in the township's timezone (the server's day), whatever the device's. */
const today = () => dayjs(dayjs().tz(TIMEZONE).format('YYYY-MM-DD'));

/** The type's usual audiences; a 九小场所's own checklist first when the enterprise is one. */
function suggestedAudiences(type: InspectionType, kind: EnterpriseKind | undefined): readonly ChecklistAudience[] {
  const usual = SUGGESTED_AUDIENCES[type];
  if (kind !== 'small_venue' || !usual.includes('small_venue')) return usual;
  return ['small_venue', ...usual.filter((a) => a !== 'small_venue')];
}

function templateOptions(templates: Template[], type: InspectionType | undefined, kind: EnterpriseKind | undefined): SelectProps['options'] {
  const option = (t: Template) => ({
    value: t.code,
    label: `${t.name}（${t.itemCount}项）`,
    title: `${t.name} · ${CHECKLIST_AUDIENCE_LABELS[t.audience as ChecklistAudience] ?? t.audience} · 第${t.version}版`,
  });
  if (!type) return templates.map(option);
  const suggested = suggestedAudiences(type, kind);
  const first = templates.filter((t) => suggested.includes(t.audience as ChecklistAudience));
  const rest = templates.filter((t) => !suggested.includes(t.audience as ChecklistAudience));
  if (first.length === 0 || rest.length === 0) return templates.map(option);
  return [
    { label: '常用', title: 'suggested', options: first.map(option) },
    { label: '其他检查表', title: 'other', options: rest.map(option) },
  ];
}

export function InspectionCreatePage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateInspection();
  const ownEnterprise = me.enterpriseId !== null;
  const presetId = ownEnterprise ? (me.enterpriseId ?? undefined) : uuidParam(sp.get('enterpriseId') ?? undefined);
  const planEntryId = uuidParam(sp.get('planEntryId') ?? undefined) ?? null;
  const preset = useEnterprise(presetId);
  const [picked, setPicked] = useState<TEnterprise | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const type = Form.useWatch('type', form);
  const coInspectorIds = Form.useWatch('coInspectorUserIds', form);
  // Asked for the enterprise once it is known to be in scope (picked from the search or loaded).
  const options = useInspectionOptions(picked?.id);
  const opts = options.data;
  const kind = picked?.kind;

  useEffect(() => {
    if (!preset.data) return;
    setPicked(preset.data);
    if (!form.getFieldValue('enterpriseId')) form.setFieldsValue({ enterpriseId: preset.data.id });
  }, [preset.data, form]);

  useEffect(() => {
    if (!preset.isError || ownEnterprise) return;
    void message.warning('链接中的单位不存在或不在您的管辖范围内，请重新选择单位');
    form.setFieldsValue({ enterpriseId: null });
  }, [preset.isError, ownEnterprise, form, message]);

  // One type on offer (an enterprise's own daily check, say): chosen for the user.
  useEffect(() => {
    if (opts && opts.types.length === 1 && !form.getFieldValue('type')) form.setFieldsValue({ type: opts.types[0] });
  }, [opts, form]);

  // The usual checklist of the type, when there is exactly one.
  useEffect(() => {
    if (!opts || !type || form.getFieldValue('templateCode')) return;
    const usual = opts.templates.filter((t) => suggestedAudiences(type, kind)[0] === t.audience);
    if (usual.length === 1) form.setFieldsValue({ templateCode: usual[0]!.code });
  }, [opts, type, kind, form]);

  const [initialValues] = useState<FormValues>(() => ({
    enterpriseId: presetId ?? null,
    inspectedOn: today(),
    methodTags: [],
    coInspectorUserIds: [],
  }));

  const selfType = !!type && isSelfInspection(type);
  const enforcement = type === 'enforcement';
  const coInspectors = useMemo(() => (opts?.coInspectors ?? []).filter((c) => c.userId !== me.id), [opts, me.id]);
  const chosen = coInspectors.filter((c) => (coInspectorIds ?? []).includes(c.userId));
  const missingCertificates = enforcement
    ? [...(opts && !opts.myCertificateNo ? [me.displayName] : []), ...chosen.filter((c) => !c.certificateNo).map((c) => c.name)]
    : [];

  const onFinish = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as FormValues;
    const candidate: InspectionCreateBody = {
      type: v.type as InspectionType,
      enterpriseId: v.enterpriseId ?? '',
      inspectedOn: v.inspectedOn ? v.inspectedOn.format('YYYY-MM-DD') : '',
      templateCode: v.templateCode ?? '',
      methodTags: selfType ? [] : (v.methodTags ?? []),
      coInspectorUserIds: v.coInspectorUserIds ?? [],
      location: v.location || null,
      planEntryId,
    };
    const check = parseWithSchema(form, InspectionCreate, candidate);
    if (!check.ok) {
      const empty: { name: keyof FormValues; errors: string[] }[] = [];
      if (!candidate.enterpriseId) empty.push({ name: 'enterpriseId', errors: ['请选择被检查单位'] });
      if (!candidate.inspectedOn) empty.push({ name: 'inspectedOn', errors: ['请选择检查日期'] });
      if (empty.length) form.setFields(empty);
      setError(check.unmatched.length ? check.unmatched.join('；') : '请按提示修改标红的项目');
      return;
    }
    setSubmitting(true);
    try {
      const d = await create.mutateAsync(candidate);
      void message.success(`已开始检查 ${d.number}`);
      navigate(paths.inspections.fill(d.id), { replace: true });
    } catch (e) {
      setError(formErrorMessage(form, e) ?? '请按提示修改标红的项目');
    } finally {
      setSubmitting(false);
    }
  };

  const backTo = presetId && !ownEnterprise ? paths.enterprises.detail(presetId) : inspectionListUrl();
  const half = { xs: 24, md: 12 };

  if (options.isError && !opts) {
    return (
      <PageContainer title="新建检查" backTo={backTo}>
        <ErrorDisplay error={options.error} onRetry={() => void options.refetch()} backTo={backTo} />
      </PageContainer>
    );
  }
  if (opts && opts.types.length === 0) {
    return (
      <PageContainer title="新建检查" backTo={backTo}>
        <Alert type="info" showIcon title="您的角色不能发起检查" />
      </PageContainer>
    );
  }

  return (
    <PageContainer title="新建检查" backTo={backTo}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void onFinish()}
        scrollToFirstError
        onValuesChange={(changed: Record<string, unknown>) => {
          clearErrorsOnChange(form)(changed);
          setError(null);
          if ('type' in changed) {
            const t = changed.type as InspectionType | undefined;
            const tags = (form.getFieldValue('methodTags') as InspectionMethodTag[] | undefined) ?? [];
            form.setFieldsValue({
              templateCode: undefined,
              // A self-inspection is recorded the day it is done (back-dating would fill a missed day).
              ...(t && isSelfInspection(t) ? { inspectedOn: today() } : {}),
              // Only the tags the new type may carry stay ticked.
              methodTags: t ? tags.filter((x) => methodTagAllowed(t, x)) : tags,
            });
          }
        }}
        data-testid="inspection-form"
      >
        {planEntryId && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本次检查计入年度检查计划中该单位的一项" data-testid="inspection-plan-entry" />
        )}
        <Card title="检查对象" size="small" className="form-section">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="type" label="检查类型" required>
                <Select
                  placeholder="选择检查类型"
                  options={(opts?.types ?? []).map((t) => ({ value: t, label: INSPECTION_TYPE_LABELS[t] }))}
                  loading={options.isLoading}
                  data-testid="inspection-type"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="inspectedOn" label="检查日期" required extra={selfType ? '企业自查记录当天的检查' : undefined}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabled={selfType}
                  disabledDate={(d) => d.isAfter(today(), 'day')}
                  inputReadOnly={isMobile}
                  allowClear={false}
                  data-testid="inspection-date"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="enterpriseId" label="被检查单位" required>
                <EnterpriseSelect
                  current={picked ?? preset.data ?? null}
                  onChange={(id, e) => {
                    setPicked(e);
                    form.setFieldsValue({ enterpriseId: id });
                  }}
                  disabled={ownEnterprise}
                  testId="inspection-enterprise"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="location" label="检查地点" extra="不填则为单位地址">
                <Input maxLength={200} placeholder={picked ? `如：${picked.name}生产车间` : '如：一号车间'} data-testid="inspection-location" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="检查表" size="small" className="form-section">
          <Form.Item name="templateCode" label="检查表" required extra={type ? undefined : '先选检查类型，常用的检查表排在前面'}>
            <Select
              placeholder="选择检查表"
              showSearch={{ optionFilterProp: 'label' }}
              options={templateOptions(opts?.templates ?? [], type, kind)}
              loading={options.isLoading}
              data-testid="inspection-template"
            />
          </Form.Item>
          {!selfType && (
            <Form.Item name="methodTags" label="检查方式" style={{ marginBottom: 0 }}>
              <Checkbox.Group
                options={INSPECTION_METHOD_TAGS.map((t) => ({
                  value: t,
                  label: INSPECTION_METHOD_TAG_LABELS[t],
                  disabled: !!type && !methodTagAllowed(type, t),
                }))}
                data-testid="inspection-method-tags"
              />
            </Form.Item>
          )}
        </Card>

        <Card title="检查人员" size="small" className="form-section">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            本人：{me.displayName}
            {enforcement && `（执法证号：${opts?.myCertificateNo ?? '未登记'}）`}
          </Typography.Paragraph>
          <Form.Item
            name="coInspectorUserIds"
            label="同行检查人员"
            extra={enforcement ? '执法检查须有两名以上持证执法人员；同行人员在自己的账号中签名' : '同行人员在自己的账号中签名'}
          >
            <Select
              mode="multiple"
              placeholder="选择本单位同事（可不选）"
              showSearch={{ optionFilterProp: 'label' }}
              options={coInspectors.map((c) => ({
                value: c.userId,
                label: enforcement ? `${c.name}（${c.certificateNo ? `执法证 ${c.certificateNo}` : '无执法证号'}）` : c.name,
              }))}
              loading={options.isLoading}
              data-testid="inspection-co-inspectors"
            />
          </Form.Item>
          {enforcement && missingCertificates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`以下人员未登记执法证号，不能参加执法检查：${missingCertificates.join('、')}`}
              data-testid="inspection-certificate-warning"
            />
          )}
          {enforcement && chosen.length === 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title="执法检查须由两名以上执法人员进行，请选择同行执法人员" />
          )}
        </Card>

        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="inspection-form-error" />}
        <Flex gap={8} justify="flex-end" className="form-actions form-actions-sticky">
          <Button onClick={() => navigate(backTo)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="inspection-submit">
            开始检查
          </Button>
        </Flex>
        <Typography.Text type="secondary" className="form-hint">带 * 的为必填项</Typography.Text>
      </Form>
    </PageContainer>
  );
}
