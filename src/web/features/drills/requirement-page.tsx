// /drills/requirement: the district's required times a year, for drills and for training, for
// ordinary and high-risk enterprises (0, 1, 2 or 4: none, the year, half-years, quarters). Whoever
// has manage:drill_requirement changes it; everyone else reads it.
import { Alert, App, Button, Card, Flex, Form, Radio, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { DrillRequirementUpdate } from '../../../contract/drills.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, type Requirement, TIMES_PER_YEAR } from '../../../domain/drills/drill-requirement.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { isApiError } from '../../lib/api.ts';
import { useRequirement, useSaveRequirement } from './api/drills.ts';

const TIMES_LABELS: Record<(typeof TIMES_PER_YEAR)[number], string> = { 0: '不要求', 1: '每年1次', 2: '每半年1次', 4: '每季度1次' };
const TIMES_OPTIONS = TIMES_PER_YEAR.map((n) => ({ value: n, label: TIMES_LABELS[n] }));
const RISKS = [['normal', '一般单位'], ['highRisk', '高危行业单位']] as const;

export function RequirementPage() {
  const q = useRequirement();
  const editable = q.data?.allowedActions.includes('update') ?? false;
  const save = useSaveRequirement();
  const [form] = Form.useForm<Requirement>();
  const { message } = App.useApp();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ drill: q.data.drill, training: q.data.training });
  }, [q.data, form]);
  const backTo = paths.drills.compliance();
  if (q.isError) return <PageContainer title="演练培训频次要求" backTo={backTo}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} /></PageContainer>;

  const onFinish = (v: Requirement) => {
    const checked = parseWithSchema(form, DrillRequirementUpdate, { ...v, version: q.data?.version ?? 0 });
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    save.mutate(checked.data, {
      onSuccess: () => void message.success('已保存，完成情况按新要求计算'),
      onError: (e) => {
        if (isApiError(e, 'CONFLICT')) {
          void message.warning('要求已被他人修改，已显示最新内容，请核对后重新保存');
          void q.refetch();
          return;
        }
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });
  };

  return (
    <PageContainer title="演练培训频次要求" backTo={backTo}>
      <Card size="small" style={{ maxWidth: 760 }}>
        {!q.data ? <Skeleton active /> : (
          <Form<Requirement> form={form} layout="vertical" onFinish={onFinish} disabled={!editable}
            onValuesChange={(c: Partial<Requirement>) => clearErrorsOnChange(form)(c as Record<string, unknown>)} data-testid="drill-requirement-form">
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="一年按次数平均分期（每半年、每季度），每期至少开展1次；高危行业按单位台账中的“高危行业”标记。"
              description={[
                q.data.isDefault ? '本区尚未设置，当前为默认要求：应急演练一般单位每年1次、高危行业每半年1次；安全培训每年1次。' : '',
                editable ? '' : '频次要求适用于全区各乡镇（街道），由区安委办设置。',
              ].filter(Boolean).join('') || undefined} />
            {ACTIVITY_CATEGORIES.map((c) => (
              <div key={c}>
                <Typography.Title level={5}>{ACTIVITY_CATEGORY_LABELS[c]}</Typography.Title>
                <Flex gap={16} wrap>
                  {RISKS.map(([k, label]) => (
                    <Form.Item key={k} name={[c, k]} label={label} required style={{ flex: '1 1 300px' }}>
                      <Radio.Group optionType="button" options={TIMES_OPTIONS} data-testid={`drill-requirement-${c}-${k}`} />
                    </Form.Item>
                  ))}
                </Flex>
              </div>
            ))}
            {editable && (
              <Flex gap={8} justify="flex-end">
                <Link to={backTo}><Button>取消</Button></Link>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="drill-requirement-submit">保存</Button>
              </Flex>
            )}
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
