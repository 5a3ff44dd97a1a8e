// 填写检查表, made for a phone at the venue: one item at a time. Each answer is saved as the
// inspector moves on (and a moment after each change); photos upload as they are taken. The
// last step shows what is still missing, the signatures, and completes the record.
import { LeftOutlined, OrderedListOutlined, RightOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { InspectionComplete } from '../../../contract/inspections.ts';
import { isSelfInspection } from '../../../domain/inspections/inspection-rules.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { useCompleteInspection } from './api/complete-inspection.ts';
import { useInspection } from './api/get-inspection.ts';
import type { InspectionCompleteBody, InspectionDetailData } from './api/keys.ts';
import { useSaveInspectionAnswer } from './api/save-answer.ts';
import { useUpdateInspection } from './api/update-inspection.ts';
import { type HazardDefaults, type LocalAnswer, fromServer, isAnswered, toBody } from './components/answer-state.ts';
import { InspectionTypeTag } from './components/inspection-tags.tsx';
import { type IndexEntry, ItemIndex } from './components/item-index.tsx';
import { ItemStep } from './components/item-step.tsx';
import { type RepresentativeInput, SignatureStep } from './components/signature-step.tsx';

const AUTOSAVE_MS = 1500;
const FINISH = 'done';

const itemsOfTemplate = (t: InspectionDetailData['template']) =>
  t.groups.flatMap((g) => g.items.map((i) => ({ ...i, groupTitle: g.title })));

export function InspectionFillPage() {
  const { id = '' } = useParams();
  const query = useInspection(id);
  if (query.isPending) {
    return (
      <PageContainer title="填写检查表" backTo={paths.inspections.detail(id)}>
        <Card><Skeleton active /></Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return (
      <PageContainer title="填写检查表" backTo={paths.inspections.list}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={paths.inspections.list} />
      </PageContainer>
    );
  }
  const d = query.data;
  if (d.status === 'completed') return <Navigate to={paths.inspections.detail(d.id)} replace />;
  if (!d.allowedActions.includes('edit')) {
    return (
      <PageContainer title={d.number} backTo={paths.inspections.detail(d.id)}>
        <Result status="info" title="您不能填写这份检查表" subTitle="只有本次检查的检查人员可以填写" extra={<Link to={paths.inspections.detail(d.id)}>查看检查记录</Link>} />
      </PageContainer>
    );
  }
  return <FillForm d={d} />;
}

function FillForm({ d }: { d: InspectionDetailData }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const save = useSaveInspectionAnswer();
  const update = useUpdateInspection();
  const complete = useCompleteInspection();
  const enterprise = useEnterprise(d.enterpriseId);
  const items = useMemo(() => itemsOfTemplate(d.template), [d.template]);
  const total = items.length;

  // The latest record from the server, for saves that run after a render.
  const dRef = useRef(d);
  dRef.current = d;
  const serverAnswer = useCallback((key: string) => dRef.current.answers.find((a) => a.itemKey === key), []);

  const defaults: HazardDefaults = useMemo(
    () => ({ location: d.location || d.enterpriseAddress, sectorId: enterprise.data?.sectorIds[0] ?? '' }),
    [d.location, d.enterpriseAddress, enterprise.data],
  );
  const defaultsRef = useRef(defaults);
  defaultsRef.current = defaults;

  // ---- answers being edited (by item key); everything else is as the server has it
  const [local, setLocal] = useState<Record<string, LocalAnswer>>({});
  const localRef = useRef(local);
  localRef.current = local;
  const dirty = useRef(new Set<string>());
  const [unsaved, setUnsaved] = useState(0);
  const answerOf = (key: string) => local[key] ?? fromServer(serverAnswer(key));

  // Saves run after renders: they read everything through refs, so the callbacks stay stable.
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;
  const messageRef = useRef(message);
  messageRef.current = message;
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saveDirty = useCallback(async (): Promise<boolean> => {
    let ok = true;
    for (const key of [...dirty.current]) {
      const a = localRef.current[key];
      if (!a) continue;
      try {
        // The answer comes back with the whole record: its version is what the next request is based on.
        dRef.current = await saveRef.current({ id: dRef.current.id, itemKey: key, body: toBody(a, serverAnswer(key), defaultsRef.current) });
        // Changed again while it was being sent: stays dirty for the next save.
        if (localRef.current[key] === a) dirty.current.delete(key);
      } catch (e) {
        ok = false;
        const n = itemsOfTemplate(dRef.current.template).findIndex((i) => i.key === key) + 1;
        void messageRef.current.error(`第 ${n} 项未能保存：${errorMessage(e)}（已填内容仍在本页，稍后自动重试）`);
      }
    }
    setUnsaved(dirty.current.size);
    return ok;
  }, [serverAnswer]);
  /** Runs saves one after another, in the order they were asked for. */
  const enqueue = useCallback((task: () => Promise<boolean>) => {
    queue.current = queue.current.then(task, task);
    return queue.current;
  }, []);
  /** Saves every changed answer. */
  const flush = useCallback(() => enqueue(saveDirty), [enqueue, saveDirty]);

  const edit = (key: string) => (update: (prev: LocalAnswer) => LocalAnswer) => {
    setLocal((prev) => ({ ...prev, [key]: update(prev[key] ?? fromServer(serverAnswer(key))) }));
    dirty.current.add(key);
    setUnsaved(dirty.current.size);
  };

  // A moment after the last change, save it (a phone at a venue may lose the page at any time).
  useEffect(() => {
    if (dirty.current.size === 0) return;
    const t = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [local, flush]);

  // Leaving the page inside the app (the back arrow, the menu): what was typed last is still sent.
  useEffect(() => () => {
    if (dirty.current.size > 0) void flush();
  }, [flush]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  // ---- where we are: ?item=N (1-based) or ?item=done; a fresh visit resumes at the first unanswered item
  const entries: IndexEntry[] = items.map((i) => {
    const a = answerOf(i.key);
    return { key: i.key, groupTitle: i.groupTitle, answered: isAnswered(i, a), result: a.result };
  });
  const firstUnanswered = (from: number) => {
    for (let k = 0; k < total; k++) {
      const n = (from + k) % total;
      if (!entries[n]!.answered) return n;
    }
    return -1;
  };
  // Fixed when the page opens: answering that item must not move the page on by itself.
  const [resumeAt] = useState(() => Math.max(0, firstUnanswered(0)));
  const raw = sp.get('item');
  const parsed = raw === FINISH ? total : Number(raw) - 1;
  const step = raw !== null && Number.isInteger(parsed) && parsed >= 0 && parsed <= total ? parsed : resumeAt;
  const onFinishStep = step === total;
  const answeredCount = entries.filter((e) => e.answered).length;

  const [busy, setBusy] = useState(false);
  const [indexOpen, setIndexOpen] = useState(false);
  const go = (to: number) => {
    const here = items[step];
    if (here) {
      const a = answerOf(here.key);
      if (a.result === 'nonconform' && a.comment.trim() === '') void message.warning(`第 ${step + 1} 项不符合，尚未填写情况说明`);
    }
    void flush();
    setIndexOpen(false);
    // Replaced, not pushed: "back" leaves the checklist rather than walking through its items.
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('item', to >= total ? FINISH : String(to + 1));
        return next;
      },
      { replace: true },
    );
    window.scrollTo({ top: 0 });
  };

  // ---- the last step
  const [summary, setSummary] = useState(d.summary ?? '');
  const updateRef = useRef(update.mutateAsync);
  updateRef.current = update.mutateAsync;
  const onSummaryBlur = () => {
    const text = summary.trim() || null;
    // Kept on the server as typed, so leaving the page loses nothing; completion sends it again.
    void enqueue(async () => {
      const latest = dRef.current;
      // Any header change voids signatures given: with a colleague's signature in, the summary waits for completion.
      if (latest.summary === text || latest.inspectors.some((i) => i.signed && i.userId !== me.id)) return true;
      try {
        dRef.current = await updateRef.current({ id: latest.id, body: { version: latest.version, summary: text } });
      } catch {
        // Not fatal: completion carries the summary too.
      }
      return true;
    });
  };
  const [representative, setRepresentative] = useState<RepresentativeInput>({ kind: 'signed', name: d.representative?.name ?? '', note: d.representative?.refusalNote ?? '' });
  const [completeErrors, setCompleteErrors] = useState<Record<string, string>>({});
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [completing, setCompleting] = useState(false);

  const onComplete = async () => {
    setCompleteError(null);
    setCompleteErrors({});
    const self = isSelfInspection(d.type);
    const body: InspectionCompleteBody = {
      version: 0,
      summary: summary.trim() || null,
      representative: self ? null : representative.kind === 'signed' ? { kind: 'signed', name: representative.name } : { kind: 'refused', note: representative.note },
    };
    const check = InspectionComplete.safeParse(body);
    if (!check.success) {
      const errs: Record<string, string> = {};
      for (const issue of check.error.issues) errs[String(issue.path[0])] ??= issue.message;
      setCompleteErrors(errs);
      return;
    }
    // Completion locks the record for good: say what is locked, and let the inspector look again.
    const latest = dRef.current;
    const drafts = latest.answers.filter((a) => a.result === 'nonconform' && a.hazardDraft).length;
    const confirmed = await new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '完成并签名后，检查记录将锁定',
        content: (
          <div data-testid="inspection-complete-confirm">
            <p>锁定后不能再修改：{items.length} 个检查项的结果和照片（不符合 {latest.failedCount} 项）、检查情况小结、检查人员签名
              {self ? '' : representative.kind === 'signed' ? `、被检查单位负责人 ${representative.name} 的签名` : '、被检查单位负责人拒签的记录'}。</p>
            {drafts > 0 && <p>将按不符合项在隐患台账中生成 {drafts} 条隐患。</p>}
          </div>
        ),
        okText: '确认完成并签名',
        cancelText: '再检查一下',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
    if (!confirmed) return;
    setCompleting(true);
    try {
      const saved = await flush();
      if (!saved) {
        setCompleteError('有检查项未能保存，请检查网络后重试');
        return;
      }
      const done = await complete.mutateAsync({ id: d.id, body: { ...body, version: dRef.current.version } });
      void message.success(`检查已完成${done.hazardCount > 0 ? `，生成隐患 ${done.hazardCount} 条` : ''}`);
      navigate(paths.inspections.detail(done.id), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) {
        const errs: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) errs[k.split('.')[0] ?? k] ??= v[0] ?? '';
        setCompleteErrors(errs);
      }
      setCompleteError(errorMessage(e));
    } finally {
      setCompleting(false);
    }
  };

  const item = items[step];
  // The server's word on the item as last saved: not shown while newer edits are on their way.
  const itemProblems = item && !dirty.current.has(item.key) ? d.problems.filter((p) => p.itemKey === item.key).map((p) => p.message) : [];
  const jumpTo = (itemKey: string) => {
    const n = items.findIndex((i) => i.key === itemKey);
    if (n >= 0) go(n);
  };
  const nextUnanswered = firstUnanswered(Math.min(step + 1, Math.max(total - 1, 0)));
  const saving = save.isPending || unsaved > 0;

  return (
    <PageContainer
      title={<span className="mono">{d.number}</span>}
      subTitle={d.enterpriseName}
      backTo={paths.inspections.detail(d.id)}
    >
      {/* A phone's column, also on a desktop: one item reads best at that width. */}
      <div style={{ maxWidth: 760 }}>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Space size={6} wrap>
              <InspectionTypeTag type={d.type} />
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>{d.templateName}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="inspection-save-state">
              {saving ? '保存中…' : '已保存'}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={8} style={{ marginTop: 6 }}>
            <Progress percent={total ? Math.round((answeredCount / total) * 100) : 0} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} aria-label="填写进度" />
            <span className="nowrap" data-testid="inspection-progress">已填 {answeredCount}/{total}</span>
          </Flex>
          <Flex gap={8} style={{ marginTop: 8 }} wrap>
            <Button size="small" icon={<OrderedListOutlined />} onClick={() => setIndexOpen(true)} disabled={busy} data-testid="inspection-index-open">
              目录
            </Button>
            {nextUnanswered >= 0 && nextUnanswered !== step && (
              <Button size="small" icon={<StepForwardOutlined />} onClick={() => go(nextUnanswered)} disabled={busy} data-testid="inspection-jump-unanswered">
                跳到未填（第 {nextUnanswered + 1} 项）
              </Button>
            )}
          </Flex>
        </Card>

        {item ? (
          <ItemStep
            key={item.key}
            item={item}
            index={step}
            total={total}
            value={answerOf(item.key)}
            onChange={edit(item.key)}
            defaults={defaults}
            ownSectorIds={enterprise.data?.sectorIds ?? []}
            onBusyChange={setBusy}
            problems={itemProblems}
          />
        ) : onFinishStep ? (
          <SignatureStep
            d={d}
            meId={me.id}
            summary={summary}
            onSummary={setSummary}
            onSummaryBlur={onSummaryBlur}
            representative={representative}
            onRepresentative={setRepresentative}
            errors={completeErrors}
            onJump={jumpTo}
            onComplete={() => void onComplete()}
            completing={completing}
            busy={busy}
            error={completeError}
          />
        ) : (
          <Alert type="warning" showIcon title="检查表没有检查项" />
        )}

        <Flex gap={8} className="form-actions form-actions-sticky" style={{ marginTop: 12 }}>
          <Button size="large" icon={<LeftOutlined />} disabled={step === 0 || busy} onClick={() => go(step - 1)} style={{ flex: 1 }} data-testid="inspection-prev">
            上一项
          </Button>
          {!onFinishStep && (
            <Button size="large" type="primary" disabled={busy} onClick={() => go(step + 1)} style={{ flex: 1 }} data-testid="inspection-next">
              {step === total - 1 ? '小结与签名' : '下一项'} <RightOutlined />
            </Button>
          )}
        </Flex>
        {busy && <Typography.Text type="secondary" className="form-hint">照片上传中，完成后才能翻页…</Typography.Text>}
      </div>

      <ItemIndex
        open={indexOpen}
        onClose={() => setIndexOpen(false)}
        entries={entries}
        current={step}
        onPick={go}
        onFinish={() => go(total)}
      />
    </PageContainer>
  );
}
