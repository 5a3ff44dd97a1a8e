// 立案: from an inspection (?inspectionId=), a hazard (?hazardId=) or for an enterprise
// (?enterpriseId= or picked here). The server copies the enterprise of the source.
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CaseCreate } from '../../../contract/cases.ts';
import { paths } from '../../app/paths.ts';
import { EnterpriseSelect } from '../../components/enterprise-select.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { dayjs } from '../../lib/format.ts';
import { uuidParam } from '../../lib/search-params.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { useCaseSource } from './api/case-source.ts';
import { useCreateCase } from './api/create-case.ts';

interface Values {
  enterpriseId?: string | null;
  title?: string;
  facts?: string;
  filedOn?: Dayjs | null;
}

export function CaseCreatePage() {
  const [sp] = useSearchParams();
  const source = { inspectionId: uuidParam(sp.get('inspectionId') ?? undefined), hazardId: uuidParam(sp.get('hazardId') ?? undefined), enterpriseId: uuidParam(sp.get('enterpriseId') ?? undefined) };
  const fromRecord = !!(source.inspectionId || source.hazardId);
  const src = useCaseSource(fromRecord ? { inspectionId: source.inspectionId, hazardId: source.hazardId } : {});
  const preset = useEnterprise(fromRecord ? undefined : source.enterpriseId);
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const navigate = useNavigate();
  const { message } = App.useApp();

  useEffect(() => {
    if (src.data) form.setFieldsValue({ enterpriseId: src.data.enterpriseId, title: form.getFieldValue('title') || src.data.title });
  }, [src.data, form]);

  const onFinish = (v: Values) => {
    const body = {
      inspectionId: source.inspectionId ?? null, hazardId: source.hazardId ?? null, enterpriseId: v.enterpriseId ?? null,
      title: v.title ?? '', facts: v.facts || null, filedOn: v.filedOn ? v.filedOn.format('YYYY-MM-DD') : '',
    };
    const checked = parseWithSchema(form, CaseCreate, body);
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    create.mutate(body, {
      onSuccess: (c) => {
        void message.success(`已立案：${c.number}`);
        navigate(paths.cases.detail(c.id), { replace: true });
      },
      onError: (e) => {
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });
  };

  if (src.isError) {
    return (
      <PageContainer title="立案" backTo={paths.cases.list}>
        <ErrorDisplay error={src.error} backTo={paths.cases.list} />
      </PageContainer>
    );
  }
  const s = src.data;
  return (
    <PageContainer title="立案" backTo={paths.cases.list}>
      <Card size="small" style={{ maxWidth: 760 }}>
        {src.isFetching && !s ? (
          <Skeleton active />
        ) : (
          <>
            {s && (s.inspection || s.hazard) && (
              <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="case-source">
                <Descriptions.Item label="生产经营单位">{s.enterpriseName}</Descriptions.Item>
                {s.inspection && (
                  <Descriptions.Item label="检查记录">
                    <Link to={paths.inspections.detail(s.inspection.id)} className="mono">{s.inspection.number}</Link>（{s.inspection.inspectedOn}）
                  </Descriptions.Item>
                )}
                {s.hazard && (
                  <Descriptions.Item label="隐患">
                    <Link to={paths.hazards.detail(s.hazard.id)} className="mono">{s.hazard.number}</Link> {s.hazard.description}
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ filedOn: dayjs(), enterpriseId: source.enterpriseId ?? null }}
              onFinish={onFinish}
              onValuesChange={clearErrorsOnChange(form)}
              requiredMark
            >
              {!fromRecord && (
                <Form.Item name="enterpriseId" label="生产经营单位" required>
                  <EnterpriseSelect
                    current={preset.data ?? null}
                    testId="case-enterprise"
                  />
                </Form.Item>
              )}
              <Form.Item name="title" label="案由" required>
                <Input maxLength={200} placeholder="如：未按规定开展有限空间作业审批" data-testid="case-title" />
              </Form.Item>
              <Form.Item name="facts" label="违法事实">
                <Input.TextArea rows={4} maxLength={4000} showCount data-testid="case-facts" />
              </Form.Item>
              <Form.Item name="filedOn" label="立案日期" required>
                <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-filedOn" />
              </Form.Item>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title="立案后由本单位办理：调查、作出处理决定、执行、结案。" />
              <Flex gap={8} justify="flex-end">
                <Link to={paths.cases.list}><Button>取消</Button></Link>
                <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="case-submit">立案</Button>
              </Flex>
            </Form>
          </>
        )}
      </Card>
    </PageContainer>
  );
}
