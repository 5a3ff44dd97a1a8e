// 登记/修改领导活动: what, when, who (the region's leaders by account, others by name and post),
// where or which enterprise, photos and minutes, and what it produced (hazards, campaign tasks).
// One column on a phone: a leader records one on the spot.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TStoredFile } from '../../../contract/files.ts';
import { ActivityCreate } from '../../../contract/leadership.ts';
import {
  ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_LEVELS, ACTIVITY_LEVEL_LABELS, type ActivityKind, type ActivityLevel, LEADER_POST_LABELS, type LeaderPost,
} from '../../../domain/supervision/leadership.ts';
import { paths } from '../../app/paths.ts';
import { EnterpriseSelect } from '../../components/enterprise-select.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileUploader } from '../../components/file-uploader.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { dayjs } from '../../lib/format.ts';
import { useActivity, useCampaignOptions, useCampaignTasks, useHazardSearch, useRegionLeaders, useSaveActivity } from './api/leadership.ts';

interface Values {
  kind?: ActivityKind; level?: ActivityLevel; heldOn?: Dayjs | null; topic?: string; place?: string; enterpriseId?: string | null;
  leaderUserIds?: string[]; others?: { name?: string; post?: LeaderPost }[]; campaignId?: string | null; taskIds?: string[];
  hazardIds?: string[]; summary?: string; files?: TStoredFile[];
}

function HazardsPicker({ id, value, onChange, current }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; current: { id: string; number: string }[] }) {
  const [q, setQ] = useState('');
  const found = useHazardSearch(q);
  const options = (found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.number} ${h.enterpriseName} ${h.description}` }));
  for (const c of current) if (!options.some((o) => o.value === c.id)) options.unshift({ value: c.id, label: c.number });
  return (
    <Select id={id} mode="multiple" allowClear value={value ?? []} onChange={(v: string[]) => onChange?.(v)} options={options}
      showSearch={{ filterOption: false, onSearch: setQ }} placeholder="输入隐患编号或单位名称搜索" loading={found.isFetching} data-testid="leadership-hazards" />
  );
}

export function ActivityFormPage() {
  const { id } = useParams();
  const me = useCurrentUser();
  const existing = useActivity(id);
  const save = useSaveActivity();
  const leaders = useRegionLeaders();
  const campaigns = useCampaignOptions();
  const [form] = Form.useForm<Values>();
  const campaignId = Form.useWatch('campaignId', form);
  const tasks = useCampaignTasks(campaignId);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const a = existing.data;
  const recordable = leaders.data?.recordablePosts ?? [];

  useEffect(() => {
    if (!a) return;
    form.setFieldsValue({
      kind: a.kind, level: a.level, heldOn: dayjs(a.heldOn), topic: a.topic, place: a.place ?? '', enterpriseId: a.enterprise?.id ?? null,
      leaderUserIds: a.leaders.filter((l) => l.userId).map((l) => l.userId!), others: a.leaders.filter((l) => !l.userId).map((l) => ({ name: l.name, post: l.post })),
      campaignId: a.campaign?.id ?? null, taskIds: a.tasks.map((t) => t.id), hazardIds: a.hazards.map((h) => h.id), summary: a.summary ?? '', files: a.files,
    });
  }, [a, form]);
  // A new record starts with the caller as a leader when the caller is one (a leader records from the phone).
  useEffect(() => {
    if (id || !leaders.data) return;
    form.setFieldsValue({
      level: leaders.data.defaultLevel,
      leaderUserIds: leaders.data.items.some((l) => l.userId === me.id) ? [me.id] : [],
    });
  }, [id, leaders.data, me.id, form]);

  const onFinish = (v: Values) => {
    const byId = new Map((leaders.data?.items ?? []).map((l) => [l.userId, l]));
    const kept = a?.leaders.filter((l) => l.userId) ?? [];
    const body = {
      kind: v.kind, level: v.level, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '', topic: v.topic ?? '', place: v.place || null,
      enterpriseId: v.enterpriseId ?? null,
      leaders: [
        ...(v.leaderUserIds ?? []).map((u) => ({ userId: u, name: '', post: byId.get(u)?.post ?? kept.find((k) => k.userId === u)?.post })),
        ...(v.others ?? []).map((o) => ({ userId: null, name: o.name ?? '', post: o.post })),
      ],
      campaignId: v.campaignId ?? null, taskIds: v.campaignId ? (v.taskIds ?? []) : [], hazardIds: v.hazardIds ?? [], summary: v.summary || null,
      fileIds: (v.files ?? []).map((f) => f.id),
    };
    const checked = parseWithSchema(form, ActivityCreate, body);
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    save.mutate({ id, body: id ? { ...checked.data, version: a?.version ?? 0 } : checked.data }, {
      onSuccess: (rec) => {
        void message.success(id ? '已保存' : '已登记');
        navigate(paths.leadership.detail(rec.id), { replace: true });
      },
      onError: (e) => {
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });
  };

  const backTo = id ? paths.leadership.detail(id) : paths.leadership.list;
  const title = id ? '修改领导活动' : '登记领导活动';
  if (id && existing.isError) return <PageContainer title={title} backTo={backTo}><ErrorDisplay error={existing.error} backTo={paths.leadership.list} /></PageContainer>;
  const leaderOptions = (leaders.data?.items ?? []).map((l) => ({ value: l.userId, label: `${l.name}（${LEADER_POST_LABELS[l.post]}${l.unitName ? ` · ${l.unitName}` : ''}）` }));
  for (const l of a?.leaders ?? []) if (l.userId && !leaderOptions.some((o) => o.value === l.userId)) leaderOptions.push({ value: l.userId, label: `${l.name}（${LEADER_POST_LABELS[l.post]}）` });

  return (
    <PageContainer title={title} backTo={backTo}>
      <Card size="small" style={{ maxWidth: 760 }}>
        {id && !a ? <Skeleton active /> : (
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} onValuesChange={(c: Values) => {
            clearErrorsOnChange(form)(c as Record<string, unknown>);
            if ('campaignId' in c) form.setFieldValue('taskIds', []);
          }}
          initialValues={{ kind: 'research_inspection', heldOn: dayjs(), others: [], taskIds: [], hazardIds: [], files: [] }}>
            <Form.Item name="kind" label="活动类型" required>
              <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} data-testid="leadership-kind" />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="heldOn" label="活动日期" required style={{ flex: '1 1 160px' }}>
                <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="leadership-heldOn" />
              </Form.Item>
              <Form.Item name="level" label="级别" required style={{ flex: '1 1 160px' }}>
                <Radio.Group optionType="button" options={ACTIVITY_LEVELS.map((l) => ({ value: l, label: ACTIVITY_LEVEL_LABELS[l] }))} />
              </Form.Item>
            </Flex>
            <Form.Item name="topic" label="主题" required>
              <Input maxLength={200} placeholder="如：听取专项行动情况汇报、汛期安全生产调研检查" data-testid="leadership-topic" />
            </Form.Item>
            <Form.Item name="leaderUserIds" label="参加领导" extra={recordable.length === 1 ? '科室、部门登记本单位负责人（安委会成员单位负责人）参加的活动' : '有账号的领导在此选择，其活动计入专项行动的频次要求'}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={leaderOptions} placeholder="选择领导" data-testid="leadership-leaders" />
            </Form.Item>
            <Form.List name="others">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="start">
                      <Form.Item name={[f.name, 'name']} style={{ flex: '1 1 40%' }} rules={[{ required: true, message: '请填写姓名' }]}>
                        <Input maxLength={32} placeholder="姓名" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'post']} style={{ flex: '1 1 50%' }} rules={[{ required: true, message: '请选择职务' }]}>
                        <Select placeholder="职务" options={recordable.map((p) => ({ value: p, label: LEADER_POST_LABELS[p] }))} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }} data-testid="leadership-add-other">添加其他领导（无账号）</Button>
                </>
              )}
            </Form.List>
            <Form.Item name="place" label="地点">
              <Input maxLength={200} placeholder="如：镇政府三楼会议室、某村" />
            </Form.Item>
            <Form.Item name="enterpriseId" label="到访企业" extra="到企业检查、宣讲时选择">
              <EnterpriseSelect current={a?.enterprise ?? null} testId="leadership-enterprise" />
            </Form.Item>
            <Form.Item name="summary" label="活动情况">
              <Input.TextArea rows={4} maxLength={5000} placeholder="研究部署、发现的问题、提出的要求" data-testid="leadership-summary" />
            </Form.Item>
            <Form.Item name="files" label="会议纪要、照片" valuePropName="value">
              <FileUploader purpose="evidence" kind="document" max={20} onBusyChange={setUploading} inputTestId="leadership-files" buttonText="拍照或上传" />
            </Form.Item>
            <Form.Item name="campaignId" label="专项行动">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择专项行动（可不选）" data-testid="leadership-campaign"
                options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            {campaignId && (
              <Form.Item name="taskIds" label="相关任务" extra="本次活动落实或产生的工作清单任务">
                <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="leadership-tasks"
                  options={(tasks.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.number ? `${t.number}. ` : ''}${t.requirement}` }))} />
              </Form.Item>
            )}
            <Form.Item name="hazardIds" label="发现的隐患">
              <HazardsPicker current={a?.hazards ?? []} />
            </Form.Item>
            <Flex gap={8} justify="flex-end">
              <Link to={backTo}><Button>取消</Button></Link>
              <Button type="primary" htmlType="submit" loading={save.isPending} disabled={uploading} data-testid="leadership-submit">保存</Button>
            </Flex>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
