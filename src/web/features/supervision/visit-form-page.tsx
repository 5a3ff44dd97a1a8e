// 登记督导检查, made for a phone: the group and the unit it is assigned, the day, who took part,
// 看查问, the unit checklist (附件1 by default) rated item by item; an item rated 不到位 becomes a
// finding for the unit (its words editable, a due date), more findings can be added, photos taken.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TStoredFile } from '../../../contract/files.ts';
import { VisitCreate } from '../../../contract/supervision.ts';
import { VISIT_METHODS, VISIT_METHOD_LABELS, VISIT_RESULTS, VISIT_RESULT_LABELS, type VisitMethod, type VisitResult } from '../../../domain/supervision/finding-workflow.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileUploader } from '../../components/file-uploader.tsx';
import { zodPathErrors } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { dayjs } from '../../lib/format.ts';
import { uuidParam } from '../../lib/search-params.ts';
import { type VisitFormData, useCreateVisit, useVisitForm } from './api/supervision.ts';

type Rating = { result: VisitResult | null; note: string };
type Finding = { key: number; itemKey: string | null; description: string; dueDate: string };
let seq = 0;

export function VisitFormPage() {
  const form = useVisitForm();
  const backTo = paths.supervision.visits();
  if (form.isPending) return <PageContainer title="登记督导检查" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (form.isError) return <PageContainer title="登记督导检查" backTo={backTo}><ErrorDisplay error={form.error} onRetry={() => void form.refetch()} backTo={backTo} /></PageContainer>;
  if (form.data.groups.length === 0) {
    return (
      <PageContainer title="登记督导检查" backTo={backTo}>
        <Alert type="info" showIcon title="您不在任何在岗的督导工作组中" description="督导工作组由安委办设立；被列为工作组成员后即可在此登记督导检查。" />
      </PageContainer>
    );
  }
  return <VisitForm data={form.data} />;
}

function VisitForm({ data }: { data: VisitFormData }) {
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const create = useCreateVisit();
  const presetGroup = data.groups.find((g) => g.id === uuidParam(sp.get('groupId') ?? undefined)) ?? data.groups.find((g) => g.units.some((u) => u.id === sp.get('unitId'))) ?? data.groups[0]!;
  const [groupId, setGroupId] = useState(presetGroup.id);
  const group = data.groups.find((g) => g.id === groupId)!;
  const [unitId, setUnitId] = useState<string | undefined>(group.units.find((u) => u.id === sp.get('unitId'))?.id);
  const [visitedOn, setVisitedOn] = useState(dayjs());
  const [members, setMembers] = useState<string[]>(group.members.map((m) => m.id));
  const [methods, setMethods] = useState<VisitMethod[]>([...VISIT_METHODS]);
  const [templateId, setTemplateId] = useState<string | undefined>(data.templates[0]?.id);
  const template = data.templates.find((t) => t.id === templateId);
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  const [findings, setFindings] = useState<Finding[]>([]);
  const [files, setFiles] = useState<TStoredFile[]>([]);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  // Another group: its units and members.
  useEffect(() => {
    setUnitId((u) => (group.units.some((x) => x.id === u) ? u : undefined));
    setMembers(group.members.map((m) => m.id));
  }, [group]);
  const itemText = useMemo(() => new Map(template?.groups.flatMap((g) => g.items.map((i) => [i.key, i.content] as const)) ?? []), [template]);

  const rate = (key: string, patch: Partial<Rating>) => {
    const next = { result: null, note: '', ...ratings[key], ...patch };
    setRatings({ ...ratings, [key]: next });
    // 不到位 puts the item on the 问题清单; another rating takes it off.
    if (patch.result === 'not_done' && !findings.some((f) => f.itemKey === key)) {
      setFindings([...findings, { key: ++seq, itemKey: key, description: next.note || (itemText.get(key) ?? ''), dueDate: data.defaultDueDate }]);
    } else if (patch.result && patch.result !== 'not_done') {
      setFindings(findings.filter((f) => f.itemKey !== key));
    }
  };
  // Another checklist drops the ratings made on this one (and the findings they made): asked first.
  const changeTemplate = (v: string | undefined) => {
    const apply = () => {
      setTemplateId(v);
      setRatings({});
      setFindings(findings.filter((f) => f.itemKey === null));
    };
    if (Object.keys(ratings).length === 0) return apply();
    modal.confirm({ title: '更换检查表？', content: '已评定的检查事项和由此列入问题清单的问题将被清除。', okText: '更换', cancelText: '保留', onOk: apply });
  };
  const setFinding = (key: number, patch: Partial<Finding>) => setFindings(findings.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const submit = async () => {
    const body = {
      groupId, unitId: unitId ?? '', visitedOn: visitedOn.format('YYYY-MM-DD'), memberUserIds: members, methods, templateId: templateId ?? null,
      answers: Object.entries(ratings).filter(([, r]) => r.result).map(([itemKey, r]) => ({ itemKey, result: r.result!, note: r.note })),
      summary: summary || null, findings: findings.map(({ itemKey, description, dueDate }) => ({ itemKey, description, dueDate })), fileIds: files.map((f) => f.id),
    };
    const parsed = VisitCreate.safeParse(body);
    const local: Record<string, string[]> = parsed.success ? {} : zodPathErrors(parsed.error);
    if (!unitId) local.unitId = ['请选择被督导单位'];
    setErrors(local);
    if (Object.keys(local).length) {
      void message.error(Object.values(local)[0]![0]);
      return;
    }
    try {
      const v = await create.mutateAsync(body);
      void message.success(`已登记督导检查${v.findings ? `，${v.findings} 个问题已发送至${v.unit.name}` : ''}`);
      void navigate(paths.supervision.visit(v.id), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) setErrors(e.fieldErrors);
      void message.error(errorMessage(e));
    }
  };
  const err = (k: string) => (errors[k] ? { validateStatus: 'error' as const, help: errors[k]!.join('；') } : {});

  return (
    <PageContainer title="登记督导检查" backTo={paths.supervision.visits()}>
      <Form layout="vertical" onFinish={() => void submit()} data-testid="visit-form">
        <Card size="small" className="detail-section" title="基本情况">
          <Form.Item label="督导工作组" required>
            <Select aria-label="督导工作组" value={groupId} onChange={setGroupId} options={data.groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="visit-group" />
          </Form.Item>
          <Form.Item label="被督导单位" required {...err('unitId')}>
            <Select aria-label="被督导单位" value={unitId} onChange={setUnitId} placeholder="选择本组联系的科室或村（社区）" data-testid="visit-unit"
              options={group.units.map((u) => ({ value: u.id, label: `${u.name}${u.kind === 'department' ? '（科室）' : ''}` }))} />
          </Form.Item>
          <Form.Item label="督导日期" required {...err('visitedOn')}>
            <DatePicker value={visitedOn} onChange={(d) => d && setVisitedOn(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item label="参加人员">
            <Checkbox.Group value={members} onChange={(v) => setMembers(v as string[])} options={group.members.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
          <Form.Item label="督导方式（看查问）">
            <Checkbox.Group value={methods} onChange={(v) => setMethods(v as VisitMethod[])} options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} />
          </Form.Item>
          <Form.Item label="检查表" style={{ marginBottom: 0 }}>
            <Select aria-label="检查表" value={templateId} onChange={changeTemplate} allowClear placeholder="不使用检查表"
              options={data.templates.map((t) => ({ value: t.id, label: t.source ? `${t.name}（${t.source}）` : t.name }))} data-testid="visit-template" />
          </Form.Item>
        </Card>

        {template?.groups.map((g) => (
          <Card key={g.title} size="small" className="detail-section" title={g.title}>
            <Flex vertical gap={12}>
              {g.items.map((i) => {
                const r = ratings[i.key];
                return (
                  <div key={i.key} data-testid={`visit-item-${i.key}`}>
                    <Typography.Paragraph style={{ marginBottom: 6 }}>{i.content}</Typography.Paragraph>
                    <Radio.Group value={r?.result ?? null} onChange={(e) => rate(i.key, { result: e.target.value as VisitResult })} optionType="button" buttonStyle="solid" size="small"
                      options={VISIT_RESULTS.map((x) => ({ value: x, label: VISIT_RESULT_LABELS[x] }))} />
                    {r?.result && (
                      <Input value={r.note} onChange={(e) => rate(i.key, { note: e.target.value })} maxLength={1000} placeholder="情况说明（可不填）" style={{ marginTop: 6 }} />
                    )}
                  </div>
                );
              })}
            </Flex>
          </Card>
        ))}

        <Card size="small" className="detail-section" title={`问题清单（${findings.length}）`} data-testid="visit-findings"
          extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setFindings([...findings, { key: ++seq, itemKey: null, description: '', dueDate: data.defaultDueDate }])} data-testid="visit-add-finding">添加问题</Button>}>
          {findings.length === 0 && <Typography.Text type="secondary">评为“不到位”的检查事项会列入问题清单，发给被督导单位整改；也可直接添加问题。</Typography.Text>}
          <Flex vertical gap={12}>
            {findings.map((f, idx) => (
              <div key={f.key} className="record-text">
                {f.itemKey && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{itemText.get(f.itemKey)}</Typography.Text>}
                <Form.Item label={`问题 ${idx + 1}`} required style={{ marginBottom: 6 }} {...err(`findings.${idx}.description`)}>
                  <Input.TextArea value={f.description} onChange={(e) => setFinding(f.key, { description: e.target.value })} rows={2} maxLength={1000} data-testid="visit-finding-description" />
                </Form.Item>
                {errors[`findings.${idx}.dueDate`] && <Typography.Text type="danger">{errors[`findings.${idx}.dueDate`]!.join('；')}</Typography.Text>}
                <Flex gap={8} align="center">
                  <span>整改期限</span>
                  <DatePicker value={dayjs(f.dueDate)} onChange={(d) => d && setFinding(f.key, { dueDate: d.format('YYYY-MM-DD') })} allowClear={false} inputReadOnly
                    disabledDate={(d) => d.isBefore(visitedOn, 'day')} status={errors[`findings.${idx}.dueDate`] ? 'error' : undefined} />
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setFindings(findings.filter((x) => x.key !== f.key))} aria-label="删除问题" />
                </Flex>
              </div>
            ))}
          </Flex>
        </Card>

        <Card size="small" className="detail-section" title="现场照片和督导情况">
          <Form.Item label="照片或材料">
            <FileUploader value={files} onChange={setFiles} onBusyChange={setBusy} purpose="evidence" kind="document" inputTestId="visit-file-input" buttonText="拍照或选择文件" />
          </Form.Item>
          <Form.Item label="督导情况" style={{ marginBottom: 0 }}>
            <Input.TextArea value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} maxLength={4000} placeholder="看、查、问的情况，可不填" />
          </Form.Item>
        </Card>
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 24 }}>
          <Button onClick={() => void navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={busy} data-testid="visit-submit">提交督导检查</Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
