// The read-only parts of a hazard's page: photos, plan, extensions, listings, transfers,
// the 双报告 checklist and the timeline.
import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Descriptions, Empty, Flex, Row, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LISTING_LEVEL_LABELS, REPORT_KINDS, REPORT_RECIPIENTS } from '../../../../contract/hazards.ts';
import { HAZARD_LEVEL_LABELS, HAZARD_STATUS_LABELS, type HazardLevel, type HazardStatus } from '../../../../domain/hazards/hazard-machine.ts';
import { FileGallery } from '../../../components/file-gallery.tsx';
import { HazardStatusTag } from '../../../components/hazard-tags.tsx';
import { formatDateTime, formatMinute } from '../../../lib/format.ts';
import type { HazardDetailData } from '../api/keys.ts';
import { type ActionPreset, REPORT_KIND_LABELS, REPORT_RECIPIENT_LABELS, eventLabel } from './labels.ts';

type Plan = HazardDetailData['plans'][number];

/** 整改前 and 整改后 side by side (stacked on a phone), then the verification evidence. */
export function PhotoCompare({ h }: { h: HazardDetailData }) {
  return (
    <Card title="现场照片" size="small" className="detail-section" data-testid="hazard-photos">
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <div className="photo-col-title">整改前</div>
          <FileGallery files={h.beforePhotos} empty="未上传" />
        </Col>
        <Col xs={24} md={12}>
          <div className="photo-col-title">整改后</div>
          <FileGallery
            files={h.afterPhotos}
            empty={h.status === 'voided' ? '—' : h.status === 'closed' || h.status === 'awaiting_verification' ? '未上传' : '尚未整改'}
          />
        </Col>
        {h.evidence.length > 0 && (
          <Col xs={24}>
            <div className="photo-col-title">验收证据</div>
            <FileGallery files={h.evidence} />
          </Col>
        )}
      </Row>
    </Card>
  );
}

function PlanDescriptions({ plan }: { plan: Plan }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'owner', label: '责任人', children: plan.owner },
        { key: 'funds', label: '整改资金', children: `${plan.fundsYuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元` },
        { key: 'due', label: '整改时限', children: plan.dueDate },
        { key: 'at', label: '提交时间', children: formatMinute(plan.createdAt) },
        { key: 'measures', label: '整改措施', span: 'filled', children: <span className="pre-wrap">{plan.measures}</span> },
        {
          key: 'contingency',
          label: '应急预案',
          span: 'filled',
          children: (
            <Flex vertical gap={6}>
              {plan.contingencyPlan && <span className="pre-wrap">{plan.contingencyPlan}</span>}
              {plan.files.length > 0 && <FileGallery files={plan.files} size={72} />}
              {!plan.contingencyPlan && plan.files.length === 0 && '—'}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 五落实: the current plan, older versions folded below. */
export function PlanSection({ h, action }: { h: HazardDetailData; action?: ReactNode }) {
  const [current, ...older] = h.plans;
  return (
    <Card title="五落实整改方案" size="small" className="detail-section" extra={action} data-testid="hazard-plan">
      {current ? (
        <>
          {h.level === 'major' && (
            <div style={{ marginBottom: 8 }}>
              {h.acceptedAt ? (
                <Tag color="green">监管部门已于 {formatMinute(h.acceptedAt)} 审核同意</Tag>
              ) : (
                <Tag color="orange">待监管部门审核</Tag>
              )}
            </div>
          )}
          <PlanDescriptions plan={current} />
          {older.length > 0 && (
            <Collapse
              size="small"
              ghost
              style={{ marginTop: 8 }}
              items={[
                {
                  key: 'history',
                  label: `历次方案（${older.length}）`,
                  children: (
                    <Flex vertical gap={12}>
                      {older.map((p) => (
                        <PlanDescriptions key={p.id} plan={p} />
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </>
      ) : (
        <Typography.Text type="secondary">
          {h.fixedOnSpot ? '即查即改，无需整改方案' : h.level === 'major' ? '尚未提交（重大隐患须有五落实方案并经监管部门审核）' : '尚未提交'}
        </Typography.Text>
      )}
    </Card>
  );
}

const DECISION_TAG: Record<string, ReactNode> = {
  pending: <Tag color="orange">待审批</Tag>,
  approved: <Tag color="green">已同意</Tag>,
  rejected: <Tag color="red">未同意</Tag>,
  accepted: <Tag color="green">已接收</Tag>,
  returned: <Tag color="red">已退回</Tag>,
};

export function ExtensionsSection({ h }: { h: HazardDetailData }) {
  if (h.extensions.length === 0) return null;
  return (
    <Card title="延期记录" size="small" className="detail-section" data-testid="hazard-extensions">
      <Flex vertical gap={10}>
        {h.extensions.map((x) => (
          <div key={x.id} className="record-row">
            <Flex justify="space-between" wrap gap={4}>
              <Space size={6}>
                <span className="nowrap">{x.oldDueDate ?? '未设定'}</span>→<strong className="nowrap">{x.newDueDate}</strong>
                {DECISION_TAG[x.status]}
              </Space>
              <Typography.Text type="secondary">申请于 {formatMinute(x.requestedAt)}</Typography.Text>
            </Flex>
            <div className="record-text">原因：{x.reason}</div>
            {x.decidedAt && (
              <div className="record-text text-muted">
                {formatMinute(x.decidedAt)} 审批{x.decisionNote ? `：${x.decisionNote}` : ''}
              </div>
            )}
          </div>
        ))}
      </Flex>
    </Card>
  );
}

export function ListingsSection({ h }: { h: HazardDetailData }) {
  if (h.listings.length === 0) return null;
  return (
    <Card title="挂牌督办" size="small" className="detail-section" data-testid="hazard-listings">
      <Flex vertical gap={10}>
        {h.listings.map((l) => (
          <div key={l.id} className="record-row">
            <Space size={8} wrap>
              <Tag color="volcano">{LISTING_LEVEL_LABELS[l.level]}挂牌</Tag>
              <span>督办领导：{l.leaderName}</span>
              <span>挂牌日期：{l.listedOn}</span>
              <span className="mono">{l.documentNo}</span>
            </Space>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

export function TransfersSection({ h }: { h: HazardDetailData }) {
  if (h.transfers.length === 0) return null;
  return (
    <Card title="移送记录" size="small" className="detail-section" data-testid="hazard-transfers">
      <Timeline
        items={h.transfers.map((t) => ({
          key: t.id,
          color: t.status === 'pending' ? 'orange' : t.status === 'accepted' ? 'green' : 'red',
          content: (
            <div>
              <Space size={6} wrap>
                <strong>{t.fromUnitName}</strong>→<strong>{t.toUnitName}</strong>
                {DECISION_TAG[t.status]}
              </Space>
              <div className="record-text">移送原因：{t.reason}</div>
              <div className="record-text text-muted">
                {formatMinute(t.requestedAt)} 移送
                {t.decidedAt && `；${formatMinute(t.decidedAt)} ${t.status === 'accepted' ? '接收' : '退回'}`}
                {t.decisionReason && `：${t.decisionReason}`}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** 双报告: discovery and rectification, each to the supervising department and the local government. */
export function DualReportGrid({ h, onRecord }: { h: HazardDetailData; onRecord?: (preset: ActionPreset) => void }) {
  if (h.level !== 'major' && h.reports.length === 0) return null;
  const latest = (kind: string, recipient: string) =>
    h.reports.filter((r) => r.kind === kind && r.recipient === recipient).sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))[0];
  return (
    <Card title="双报告" size="small" className="detail-section" data-testid="hazard-dual-report">
      <div className="dual-grid">
        <div />
        {REPORT_RECIPIENTS.map((r) => (
          <div key={r} className="dual-head">{REPORT_RECIPIENT_LABELS[r]}</div>
        ))}
        {REPORT_KINDS.map((k) => (
          <DualRow key={k} label={REPORT_KIND_LABELS[k]}>
            {REPORT_RECIPIENTS.map((r) => {
              const rep = latest(k, r);
              return (
                <div key={r} className={`dual-cell ${rep ? 'dual-done' : ''}`} data-testid={`dual-${k}-${r}`}>
                  {rep ? (
                    <>
                      <div><CheckCircleFilled style={{ color: '#52c41a' }} /> 已报告</div>
                      <div className="record-text">{formatMinute(rep.reportedAt)}</div>
                      <div className="record-text">{rep.reportedBy} → {rep.reportedTo}</div>
                      <div className="record-text text-muted">{rep.method}</div>
                    </>
                  ) : (
                    <>
                      <div className="text-muted"><ClockCircleOutlined /> 未报告</div>
                      {onRecord && (
                        <Button size="small" type="link" icon={<PlusOutlined />} style={{ padding: 0 }} onClick={() => onRecord({ kind: k, recipient: r })}>
                          记录
                        </Button>
                      )}
                    </>
                  )}
                </div>
              );
            })}
          </DualRow>
        ))}
      </div>
    </Card>
  );
}

function DualRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <div className="dual-head dual-row-head">{label}</div>
      {children}
    </>
  );
}

function StatusMark({ s }: { s: string | null }) {
  if (!s) return null;
  return s in HAZARD_STATUS_LABELS ? <HazardStatusTag status={s as HazardStatus} /> : <span>{s}</span>;
}

/** Every step, oldest first: who (and which unit), when, what, the status change and the note. */
export function HazardTimeline({ h }: { h: HazardDetailData }) {
  if (h.events.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      data-testid="hazard-timeline"
      items={h.events.map((e) => {
        const moved = e.fromStatus !== e.toStatus && e.toStatus;
        return {
          key: e.id,
          color: e.toStatus === 'closed' ? 'green' : e.toStatus === 'voided' ? 'gray' : e.action.includes('fail') || e.action.includes('reopen') ? 'red' : 'blue',
          content: (
            <div className="timeline-item">
              <Flex justify="space-between" wrap gap={4}>
                <strong>{eventLabel(e.action)}</strong>
                <span className="text-muted mono timeline-at">{formatDateTime(e.at)}</span>
              </Flex>
              <div className="record-text">
                {e.actorName ?? '系统'}
                {e.actorUnitName && <span className="text-muted"> · {e.actorUnitName}</span>}
              </div>
              {moved && (
                <div className="record-text">
                  {e.fromStatus && <StatusMark s={e.fromStatus} />}
                  {e.fromStatus && ' → '}
                  <StatusMark s={e.toStatus} />
                </div>
              )}
              {e.note && <div className="record-text pre-wrap">{e.note}</div>}
              {e.action === 'edit' && <EditChanges data={e.data} sectorName={h.sectorName} />}
            </div>
          ),
        };
      })}
    />
  );
}

const EDIT_FIELD_LABELS: Record<string, string> = {
  description: '隐患描述', location: '隐患部位', sectorId: '行业领域', category: '隐患类别', level: '隐患等级', criterion: '判定依据',
};

/** What an 修改 changed, from the event's data ({ before, after }). */
function EditChanges({ data, sectorName }: { data: unknown; sectorName: string }) {
  const d = data as { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  if (!d?.after) return null;
  const show = (k: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (k === 'level') return HAZARD_LEVEL_LABELS[v as HazardLevel] ?? String(v);
    return String(v);
  };
  const rows = Object.entries(d.after).filter(([k]) => k in EDIT_FIELD_LABELS);
  if (rows.length === 0) return null;
  return (
    <ul className="edit-changes">
      {rows.map(([k, v]) => (
        <li key={k}>
          {k === 'sectorId' ? (
            <>行业领域：改为其他领域（现为{sectorName}）</>
          ) : (
            <>
              {EDIT_FIELD_LABELS[k]}：<span className="text-muted">{show(k, d.before?.[k])}</span> → {show(k, v)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
