// Creating a template (version 1) or editing the current version and publishing it as the next
// one. Before publishing, the server checks the edit and answers what changed; its field
// errors land on the very inputs (groups.0.items.2.content).
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Row, Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { TChecklistDiff } from '../../../contract/checklists.ts';
import { CHECKLIST_AUDIENCES, CHECKLIST_AUDIENCE_LABELS, type ChecklistAudience, itemsOf } from '../../../domain/checklists/checklist.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { testId } from '../../components/test-id.ts';
import { ApiError, errorMessage, isApiError } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { userCan } from '../../lib/abilities.ts';
import { useCreateChecklist } from './api/create-checklist.ts';
import { useChecklist } from './api/get-checklist.ts';
import type { ChecklistContentBody, ChecklistDetail } from './api/keys.ts';
import { usePreviewPublish, usePublishChecklist } from './api/publish-checklist.ts';
import { type EditorValues, GroupsEditor, blankItem } from './components/groups-editor.tsx';
import { applyNestedErrors, positionLabel } from './components/nested-errors.ts';
import { VersionDiff, diffSummary } from './components/version-diff.tsx';

const EMPTY: EditorValues = { code: '', name: '', source: null, description: null, groups: [{ title: '', items: [blankItem('item-1')] }] };

/** The form's values as the contract's body: blanks to null, units only on number items. */
function bodyOf(v: EditorValues): ChecklistContentBody {
  return {
    code: v.code ?? '',
    name: v.name ?? '',
    audience: v.audience as ChecklistAudience,
    source: v.source || null,
    description: v.description || null,
    groups: (v.groups ?? []).map((g) => ({
      title: g.title ?? '',
      items: (g.items ?? []).map((i) => ({
        key: (i.key ?? '').trim(),
        content: i.content ?? '',
        requirement: i.requirement || null,
        howToCheck: i.howToCheck ?? '',
        checkMethods: i.checkMethods ?? [],
        responseType: i.responseType,
        photoRequired: i.responseType === 'photo' ? true : !!i.photoRequired,
        unit: i.responseType === 'number' ? i.unit || null : null,
        question: i.question?.trim() || null,
        // The words and the finding belong to conformity items only (the domain refuses them elsewhere).
        finding: i.responseType === 'conformity' ? i.finding?.trim() || null : null,
        answerLabels: i.responseType === 'conformity' ? (i.answerLabels ?? null) : null,
      })),
    })),
  };
}

function Editor({ base }: { base: ChecklistDetail | null }) {
  const [form] = Form.useForm<EditorValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateChecklist();
  const preview = usePreviewPublish();
  const publish = usePublishChecklist();
  const [problems, setProblems] = useState<string[]>([]);
  const [diff, setDiff] = useState<TChecklistDiff | null>(null);
  const reserved = useMemo(() => new Set(base ? itemsOf(base.current).map((i) => i.key) : []), [base]);

  useEffect(() => {
    if (!base) return form.setFieldsValue(EMPTY);
    const { code, name, audience, source, description, groups } = base.current;
    form.setFieldsValue({ code, name, audience, source, description, groups });
  }, [base, form]);

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldErrors) {
      const rest = applyNestedErrors(form, e.fieldErrors, positionLabel);
      setProblems(rest.length ? rest : [e.message]);
    } else if (isApiError(e, 'CONFLICT')) {
      // The page reloads the newer version into a fresh form (see ChecklistEditPage).
      void message.warning(`${e.message}（已载入最新版本）`, 6);
    } else {
      setProblems([errorMessage(e)]);
    }
  };

  const submit = async () => {
    setProblems([]);
    try {
      await form.validateFields();
    } catch {
      setProblems(['请先填写标红的内容']);
      return;
    }
    const body = bodyOf(form.getFieldsValue(true) as EditorValues);
    if (!base) {
      create.mutate(body, {
        onSuccess: (d) => {
          void message.success('已创建检查表（第1版）');
          navigate(paths.checklists.detail(d.id));
        },
        onError,
      });
      return;
    }
    preview.mutate({ id: base.id, body: { ...body, baseVersion: base.currentVersion } }, { onSuccess: setDiff, onError });
  };

  const confirmPublish = () => {
    if (!base) return;
    const body = bodyOf(form.getFieldsValue(true) as EditorValues);
    publish.mutate(
      { id: base.id, body: { ...body, baseVersion: base.currentVersion } },
      {
        onSuccess: (d) => {
          setDiff(null);
          void message.success(`已发布第${d.currentVersion}版`);
          navigate(paths.checklists.detail(d.id));
        },
        onError: (e) => {
          setDiff(null);
          onError(e);
        },
      },
    );
  };

  const backTo = base ? paths.checklists.detail(base.id) : paths.checklists.list;
  return (
    <PageContainer
      title={base ? `修改检查表：${base.name}` : '新建检查表'}
      subTitle={base ? `基于第${base.currentVersion}版修改，发布后为第${base.currentVersion + 1}版；已有检查记录仍使用原版本` : undefined}
      backTo={backTo}
    >
      <Form form={form} layout="vertical" onValuesChange={() => problems.length && setProblems([])} scrollToFirstError>
        <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写检查表名称' }]}>
                <Input maxLength={200} data-testid="checklist-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="code" label="编码" rules={[{ required: true, message: '请填写检查表编码' }]} extra={base ? '编码不能修改' : '小写字母、数字和连字符，如 town-fire-check'}>
                <Input maxLength={64} className="mono" disabled={!!base} data-testid="checklist-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="audience" label="适用对象" rules={[{ required: true, message: '请选择适用对象' }]}>
                <Select options={CHECKLIST_AUDIENCES.map((a) => ({ value: a, label: CHECKLIST_AUDIENCE_LABELS[a] }))} data-testid="checklist-audience" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="source" label="来源" extra="如 文件名称及附件号">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="description" label="说明">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <GroupsEditor form={form} reservedKeys={reserved} />
      </Form>
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={problems.length === 1 ? problems[0] : '请修改以下问题'} description={problems.length > 1 ? problems.join('；') : undefined} data-testid="checklist-problems" />
      )}
      <Flex gap={8} justify="flex-end" wrap className="form-actions" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate(backTo)}>取消</Button>
        <Button type="primary" loading={create.isPending || preview.isPending} onClick={() => void submit()} data-testid="checklist-save">
          {base ? '发布新版本' : '创建'}
        </Button>
      </Flex>
      <Modal
        open={diff !== null}
        title={diff ? `发布第${diff.toVersion}版？（${diffSummary(diff)}）` : ''}
        okText="确认发布"
        onOk={confirmPublish}
        okButtonProps={{ loading: publish.isPending, ...testId('checklist-publish-confirm') }}
        onCancel={() => setDiff(null)}
        width={800}
      >
        {diff && <VersionDiff diff={diff} />}
      </Modal>
    </PageContainer>
  );
}

export function ChecklistCreatePage() {
  const me = useCurrentUser();
  if (!userCan(me, 'manage:checklist')) return <NoAccess text="只有管理员和安委办可以维护检查表" />;
  return <Editor base={null} />;
}

export function ChecklistEditPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const query = useChecklist(id);
  if (!userCan(me, 'manage:checklist')) return <NoAccess text="只有管理员和安委办可以维护检查表" />;
  if (query.isError) return <PageContainer title="修改检查表" backTo={paths.checklists.list}><ErrorDisplay error={query.error} backTo={paths.checklists.list} /></PageContainer>;
  if (!query.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!query.data.allowedActions.includes('publish')) return <NoAccess text="已停用的检查表请先重新启用再修改" />;
  // Keyed by version: a newer version (after a conflict reload) starts a fresh form.
  return <Editor key={query.data.currentVersion} base={query.data} />;
}
