import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EnterpriseCreate, type TEnterprise, type TEnterpriseCreate } from '../../../../contract/enterprises.ts';
import type { z } from '../../../../contract/zod.ts';
import { ENTERPRISE_SELF_EDITABLE } from '../../../../domain/enterprises/enterprise-policy.ts';
import {
  ENTERPRISE_KINDS, ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS, RISK_GRADES, RISK_GRADE_LABELS,
  SMALL_ENTERPRISE_EMPLOYEE_LIMIT, VENUE_TYPES, VENUE_TYPE_LABELS, isSmallEnterprise, usccRequired,
} from '../../../../domain/enterprises/enterprise-rules.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useVillages } from '../../../reference-data/list-units.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { RISK_GRADE_COLORS } from '../../../components/status-tags.tsx';

export type EnterpriseFormValues = z.input<typeof EnterpriseCreate>;

export interface EnterpriseFormProps {
  initial?: TEnterprise;
  /** Initial values for a new record (e.g. the user's own village). */
  defaults?: Partial<EnterpriseFormValues>;
  /** An enterprise user editing its own record may change contact details only. */
  selfService?: boolean;
  submitText: string;
  onSubmit: (data: TEnterpriseCreate) => Promise<unknown>;
  onCancel: () => void;
}

export function toFormValues(e: TEnterprise): EnterpriseFormValues {
  return {
    name: e.name,
    uscc: e.uscc ?? '',
    kind: e.kind,
    venueType: e.venueType,
    address: e.address,
    villageId: e.villageId,
    sectorIds: e.sectorIds,
    employeeCount: e.employeeCount,
    principalName: e.principalName,
    principalPhone: e.principalPhone,
    safetyManagerName: e.safetyManagerName ?? '',
    safetyManagerPhone: e.safetyManagerPhone ?? '',
    riskGrade: e.riskGrade,
    isKey: e.isKey,
    isHighRisk: e.isHighRisk,
    status: e.status,
  };
}

const NEW_DEFAULTS: Partial<EnterpriseFormValues> = {
  kind: 'company',
  sectorIds: [],
  isKey: false,
  isHighRisk: false,
  status: 'operating',
};

export function EnterpriseForm({ initial, defaults, selfService = false, submitText, onSubmit, onCancel }: EnterpriseFormProps) {
  const [form] = Form.useForm<EnterpriseFormValues>();
  const villages = useVillages();
  const sectors = useSectors();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const kind = Form.useWatch('kind', form);
  const employeeCount = Form.useWatch('employeeCount', form);
  const initialValues = useMemo(
    () => (initial ? toFormValues(initial) : { ...NEW_DEFAULTS, ...defaults }),
    [initial, defaults],
  );

  const locked = (field: string) => selfService && !(ENTERPRISE_SELF_EDITABLE as readonly string[]).includes(field);

  // The record's own village and sectors stay selectable even if the lists do not include them.
  const villageOptions = useMemo(() => {
    const opts = (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));
    if (initial && !opts.some((o) => o.value === initial.villageId)) opts.unshift({ value: initial.villageId, label: initial.villageName });
    return opts;
  }, [villages.data, initial]);
  const sectorOptions = useMemo(() => {
    const opts = (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
    initial?.sectorIds.forEach((id, i) => {
      if (!opts.some((o) => o.value === id)) opts.push({ value: id, label: initial.sectorNames[i] ?? id });
    });
    return opts;
  }, [sectors.data, initial]);

  const onFinish = async () => {
    setError(null);
    const values = form.getFieldsValue(true) as EnterpriseFormValues;
    const candidate: EnterpriseFormValues = {
      ...values,
      venueType: values.kind === 'small_venue' ? (values.venueType ?? null) : null,
      employeeCount: values.employeeCount ?? null,
      riskGrade: values.riskGrade ?? null,
      sectorIds: values.sectorIds ?? [],
    };
    const check = parseWithSchema(form, EnterpriseCreate, candidate);
    if (!check.ok) {
      // An empty picker reads better as "please choose" than as the schema's "invalid id".
      if (!candidate.villageId) form.setFields([{ name: 'villageId', errors: ['请选择所属村/社区'] }]);
      setError(check.unmatched.length ? check.unmatched.join('；') : '请按提示修改标红的项目');
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(check.data);
    } catch (e) {
      setError(formErrorMessage(form, e) ?? '请按提示修改标红的项目');
    } finally {
      setSubmitting(false);
    }
  };

  const small = isSmallEnterprise(typeof employeeCount === 'number' ? employeeCount : null);
  const half = { xs: 24, md: 12 };

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void onFinish()}
      // The schema's and the server's errors have no rule to re-run: a corrected field clears its own.
      onValuesChange={clearErrorsOnChange(form)}
      scrollToFirstError
      data-testid="enterprise-form"
    >
      {selfService && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位可修改地址、从业人数和联系人信息；其他信息由监管部门维护。"
        />
      )}
      <Card title="基本信息" size="small" className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="单位名称" required>
              <Input maxLength={100} disabled={locked('name')} data-testid="enterprise-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="uscc"
              label="统一社会信用代码"
              required={!!kind && usccRequired(kind)}
              extra={kind && !usccRequired(kind) ? '个体经营者、九小场所可不填' : undefined}
            >
              <Input
                maxLength={18}
                className="mono"
                style={{ textTransform: 'uppercase' }}
                disabled={locked('uscc')}
                data-testid="enterprise-uscc"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label="单位类型" required>
              <Select
                options={ENTERPRISE_KINDS.map((k) => ({ value: k, label: ENTERPRISE_KIND_LABELS[k] }))}
                disabled={locked('kind')}
                data-testid="enterprise-kind"
              />
            </Form.Item>
          </Col>
          {kind === 'small_venue' && (
            <Col {...half}>
              <Form.Item name="venueType" label="场所类型" required>
                <Select
                  placeholder="九小场所类型"
                  options={VENUE_TYPES.map((v) => ({ value: v, label: VENUE_TYPE_LABELS[v] }))}
                  disabled={locked('venueType')}
                  data-testid="enterprise-venue-type"
                />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="villageId" label="所属村/社区" required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择村/社区"
                options={villageOptions}
                loading={villages.isLoading}
                disabled={locked('villageId')}
                data-testid="enterprise-village"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="sectorIds" label="行业领域" required>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="可多选"
                options={sectorOptions}
                loading={sectors.isLoading}
                disabled={locked('sectorIds')}
                data-testid="enterprise-sectors"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label="地址" required>
              <Input maxLength={200} disabled={locked('address')} data-testid="enterprise-address" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="employeeCount"
              label="从业人数"
              extra={
                small ? (
                  <Tag color="cyan" style={{ marginTop: 4 }} data-testid="enterprise-small-tag">
                    小微企业（从业人员少于{SMALL_ENTERPRISE_EMPLOYEE_LIMIT}人）
                  </Tag>
                ) : undefined
              }
            >
              <InputNumber
                min={0}
                max={1000000}
                precision={0}
                style={{ width: '100%' }}
                suffix="人"
                disabled={locked('employeeCount')}
                data-testid="enterprise-employee-count"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label="经营状态" required>
              <Select
                options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] }))}
                disabled={locked('status')}
                data-testid="enterprise-status"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="联系人" size="small" className="form-section">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="principalName" label="主要负责人" required>
              <Input maxLength={32} disabled={locked('principalName')} data-testid="enterprise-principal-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="principalPhone" label="负责人电话" required>
              <Input maxLength={20} inputMode="tel" disabled={locked('principalPhone')} data-testid="enterprise-principal-phone" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="safetyManagerName" label="安全管理人员">
              <Input maxLength={32} disabled={locked('safetyManagerName')} data-testid="enterprise-safety-manager-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="safetyManagerPhone" label="安全管理人员电话">
              <Input maxLength={20} inputMode="tel" disabled={locked('safetyManagerPhone')} data-testid="enterprise-safety-manager-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="监管信息" size="small" className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="riskGrade" label="风险分级（红/橙/黄/蓝）">
              <Select
                allowClear
                placeholder="未分级"
                disabled={locked('riskGrade')}
                options={RISK_GRADES.map((g) => ({
                  value: g,
                  label: (
                    <Flex align="center" gap={6}>
                      <span className="grade-dot" style={{ background: RISK_GRADE_COLORS[g] }} />
                      {RISK_GRADE_LABELS[g]}色
                    </Flex>
                  ),
                }))}
                data-testid="enterprise-risk-grade"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="isKey" label="重点监管企业" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" disabled={locked('isKey')} data-testid="enterprise-is-key" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="isHighRisk" label="高危行业" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" disabled={locked('isHighRisk')} data-testid="enterprise-is-high-risk" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="enterprise-form-error" />}
      <Flex gap={8} justify="flex-end" className="form-actions">
        <Button onClick={onCancel} data-testid="enterprise-cancel">取消</Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="enterprise-submit">
          {submitText}
        </Button>
      </Flex>
      <Typography.Text type="secondary" className="form-hint">带 * 的为必填项</Typography.Text>
    </Form>
  );
}
