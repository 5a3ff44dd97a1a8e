// A hazard's history written directly as rows, step by step through the domain's transition table
// (hazard-workflow: the state each action leads to, and rectification starting by itself once a
// plan is on record and, for a major hazard, accepted). The demo generator plays its stories with
// it, and tests build hazards in a given state with it (server/test/builders.ts) instead of
// driving the HTTP API step by step. Pure: it only builds rows; the caller inserts them.
import { randomUUID } from 'node:crypto';
import type { HazardStatus } from '../../domain/hazards/hazard-machine.ts';
import { type HazardWorkflowAction, type HazardWorkflowFacts, hazardWorkflow } from '../../domain/hazards/hazard-workflow.ts';
import { automaticSteps, targetOf } from '../../domain/workflow/workflow.ts';
import type {
  hazardExtensions, hazardListings, hazardPlans, hazardReports, hazardTransfers, hazards, recordEvents,
} from '../../server/db/schema/index.ts';

export type HazardRow = typeof hazards.$inferInsert;
export type PlanRow = typeof hazardPlans.$inferInsert;
export type ExtensionRow = typeof hazardExtensions.$inferInsert;
export type ListingRow = typeof hazardListings.$inferInsert;
export type TransferRow = typeof hazardTransfers.$inferInsert;
export type ReportRow = typeof hazardReports.$inferInsert;
export type EventRow = typeof recordEvents.$inferInsert;

/** Who takes a step (a demo login or a test user). */
export interface StoryActor {
  userId: string;
  displayName: string;
  unitName: string;
}

export interface StoryRows {
  plans: PlanRow[];
  extensions: ExtensionRow[];
  listings: ListingRow[];
  transfers: TransferRow[];
  reports: ReportRow[];
  events: EventRow[];
}

export class HazardStory {
  readonly rows: StoryRows = { plans: [], extensions: [], listings: [], transfers: [], reports: [], events: [] };
  private status: HazardStatus | null = null;
  private hasPlan = false;
  private reported = { department: false, government: false };
  latestPlan: PlanRow | null = null;

  /** `h` is the hazard as reported (id, district, numbers, content); the story keeps it up to date. */
  constructor(readonly h: HazardRow & { id: string }) {}

  get current(): HazardStatus | null {
    return this.status;
  }

  private facts(): HazardWorkflowFacts {
    return {
      status: this.status ?? 'reported', level: this.h.level, hasPlan: this.hasPlan, accepted: this.h.acceptedAt != null,
      discoveryReportedToDepartment: this.reported.department, discoveryReportedToGovernment: this.reported.government,
      pendingExtension: this.h.pendingExtensionId != null, pendingTransfer: this.h.pendingTransferId != null,
    };
  }

  private event(action: string, at: Date, actor: StoryActor | null, to: HazardStatus, note: string | null, data: Record<string, unknown> | null = null) {
    this.rows.events.push({
      id: randomUUID(), districtId: this.h.districtId, entityType: 'hazard', entityId: this.h.id, at, actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? null, actorUnitName: actor?.unitName ?? null, action, fromStatus: this.status, toStatus: to, note, data,
    });
    this.status = to;
  }

  /** A step of the state machine (side actions stay in their state); then the system's own steps. */
  private step(action: HazardWorkflowAction, at: Date, actor: StoryActor, note: string | null, data: Record<string, unknown> | null = null) {
    const to = this.status === null ? undefined : targetOf(hazardWorkflow, this.status, action);
    if (!to) throw new Error(`hazard story: ${this.h.number} cannot ${action} from ${this.status}`);
    this.event(action, at, actor, to, note, data);
    for (const auto of automaticSteps(hazardWorkflow, this.facts(), action)) this.event(auto.action, at, actor, auto.to, null);
  }

  /** A named event in the current state (an extension's or a transfer's decision). */
  private side(action: string, at: Date, actor: StoryActor, note: string | null, data: Record<string, unknown> | null = null) {
    this.event(action, at, actor, this.status!, note, data);
  }

  report(at: Date, actor: StoryActor, o: { note: string | null; data?: Record<string, unknown> | null; fixedOnSpotNote?: string }) {
    if (o.fixedOnSpotNote) {
      this.h.rectificationNote = o.fixedOnSpotNote;
      this.h.rectifiedAt = at;
      this.event('report', at, actor, 'awaiting_verification', `即查即改：${o.fixedOnSpotNote}`);
    } else {
      this.event('report', at, actor, 'reported', o.note, o.data ?? null);
    }
  }

  submitPlan(at: Date, actor: StoryActor, p: Pick<PlanRow, 'owner' | 'measures' | 'fundsFen' | 'dueDate' | 'contingencyPlan'>) {
    const plan: PlanRow = { id: randomUUID(), districtId: this.h.districtId, hazardId: this.h.id, ...p, createdBy: actor.userId, createdAt: at };
    this.rows.plans.push(plan);
    this.latestPlan = plan;
    this.h.dueDate = p.dueDate;
    this.hasPlan = true;
    this.step('submit_plan', at, actor, `责任人：${p.owner}；时限：${p.dueDate}；资金：${p.fundsFen / 100}元`, { planId: plan.id });
  }

  accept(at: Date, actor: StoryActor, note: string) {
    this.h.acceptedAt = at;
    this.h.acceptedBy = actor.userId;
    this.step('accept', at, actor, note);
  }

  dualReport(at: Date, actor: StoryActor, r: Pick<ReportRow, 'kind' | 'recipient' | 'reportedBy' | 'reportedTo' | 'method'>) {
    this.rows.reports.push({ id: randomUUID(), districtId: this.h.districtId, hazardId: this.h.id, ...r, reportedAt: at, createdBy: actor.userId, createdAt: at });
    if (r.kind === 'discovery') this.reported[r.recipient] = true;
    this.step('record_dual_report', at, actor, `${r.reportedBy} → ${r.reportedTo}（${r.method}）`, { kind: r.kind, recipient: r.recipient });
  }

  list(at: Date, actor: StoryActor, l: Pick<ListingRow, 'level' | 'leaderName' | 'listedOn' | 'documentNo'>) {
    this.rows.listings.push({ id: randomUUID(), districtId: this.h.districtId, hazardId: this.h.id, ...l, createdBy: actor.userId, createdAt: at });
    this.h.listingLevel = l.level;
    this.step('list', at, actor, `${l.documentNo}，督办领导：${l.leaderName}`, { level: l.level });
  }

  /** 移送; decided at once when `decision` is given, else left pending. */
  transfer(at: Date, actor: StoryActor, t: { toUnitId: string; toName: string; reason: string }, decision?: { at: Date; by: StoryActor; accept: boolean; reason: string | null }) {
    const row: TransferRow = {
      id: randomUUID(), districtId: this.h.districtId, hazardId: this.h.id, fromUnitId: this.h.responsibleUnitId, toUnitId: t.toUnitId,
      reason: t.reason, status: 'pending', requestedBy: actor.userId, requestedAt: at,
    };
    this.rows.transfers.push(row);
    this.step('transfer', at, actor, `移送${t.toName}：${t.reason}`, { transferId: row.id, toUnitId: t.toUnitId });
    if (!decision) {
      this.h.pendingTransferId = row.id;
      return;
    }
    Object.assign(row, { status: decision.accept ? 'accepted' : 'returned', decidedBy: decision.by.userId, decidedAt: decision.at, decisionReason: decision.reason });
    this.side(decision.accept ? 'accept_transfer' : 'return_transfer', decision.at, decision.by, decision.reason, { transferId: row.id });
    if (decision.accept) {
      this.h.responsibleUnitId = t.toUnitId;
      this.h.transferCount = (this.h.transferCount ?? 0) + 1;
    }
  }

  /** 延期; decided at once when `decision` is given, else left pending. */
  requestExtension(at: Date, actor: StoryActor, e: { newDueDate: string; reason: string }, decision?: { at: Date; by: StoryActor; approve: boolean; note: string }) {
    const oldDue = this.h.dueDate ?? null;
    const row: ExtensionRow = {
      id: randomUUID(), districtId: this.h.districtId, hazardId: this.h.id, oldDueDate: oldDue, newDueDate: e.newDueDate, reason: e.reason,
      status: 'pending', requestedBy: actor.userId, requestedAt: at,
    };
    this.rows.extensions.push(row);
    const data = { extensionId: row.id, oldDueDate: oldDue, newDueDate: e.newDueDate };
    this.step('request_extension', at, actor, `申请延期至${e.newDueDate}：${e.reason}`, data);
    if (!decision) {
      this.h.pendingExtensionId = row.id;
      return;
    }
    Object.assign(row, { status: decision.approve ? 'approved' : 'rejected', decidedBy: decision.by.userId, decidedAt: decision.at, decisionNote: decision.note });
    if (decision.approve) this.h.dueDate = e.newDueDate;
    this.side(decision.approve ? 'approve_extension' : 'reject_extension', decision.at, decision.by, decision.note, data);
  }

  reportRectification(at: Date, actor: StoryActor, note: string) {
    this.h.rectificationNote = note;
    this.h.rectifiedAt = at;
    this.step('report_rectification', at, actor, note);
  }

  /** 验收销号, with the signature hash the caller computed over the record as closed. */
  verifyPass(at: Date, actor: StoryActor, signatureHash: string, note = '现场复查整改到位，同意销号') {
    Object.assign(this.h, { closedAt: at, verifiedBy: actor.userId, verifierName: actor.displayName, signatureHash });
    this.step('verify_pass', at, actor, note, { signerName: actor.displayName, signatureHash, evidence: 0 });
  }

  verifyFail(at: Date, actor: StoryActor, reason: string) {
    this.step('verify_fail', at, actor, reason);
  }

  recheckPass(at: Date, actor: StoryActor, note: string) {
    this.step('recheck_pass', at, actor, note);
  }

  recheckReopen(at: Date, actor: StoryActor, reason: string) {
    this.h.reopenCount = (this.h.reopenCount ?? 0) + 1;
    Object.assign(this.h, { closedAt: null, verifiedBy: null, verifierName: null, signatureHash: null });
    this.step('recheck_reopen', at, actor, reason);
  }

  void(at: Date, actor: StoryActor, reason: string) {
    this.h.voidedAt = at;
    this.h.voidReason = reason;
    this.step('void', at, actor, reason);
  }

  /** The hazard as it stands after the story: its status, version (one per step) and last change. */
  finish(): HazardRow {
    if (this.status === null) throw new Error(`hazard story: ${this.h.number} was never reported`);
    this.h.status = this.status;
    this.h.version = this.rows.events.length;
    this.h.updatedAt = this.rows.events.at(-1)!.at;
    return this.h;
  }
}
