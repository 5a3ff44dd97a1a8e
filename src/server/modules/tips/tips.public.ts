// The public's side (no account): the report with its files, the lookup by tracking code, and the
// reward claim. Nothing the office writes for itself (notes, the reporter's identity, the number,
// who acted) ever leaves here; a code that matches nothing answers the same 404 as a malformed one.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  PublicReportFields, type TPublicReportReceipt, type TPublicReportView, type TPublicTownships,
} from '../../../contract/tips.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { codeFromBytes, normalizeCode } from '../../../domain/tips/tracking-code.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { hazards, orgUnits, publicReports, tipRewards, users } from '../../db/schema/index.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { readingMultipart } from '../../http/multipart.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { eventWriter } from '../../kernel/record-events.ts';
import { nextRecordSeq } from '../../kernel/record-counter.ts';
import { recordAudit } from '../audit/index.ts';
import { type CheckedFile, checkAnonymousFile, withStoredFiles } from '../files/index.ts';
import { notify } from '../notifications/index.ts';
import { spendChallenge } from './tips.challenge.ts';

export const TIP_FILE_OWNER = 'public_report';
export const MAX_PHOTOS = 9;
/** All the files of one report together; a single one is bounded by UPLOAD_MAX_MB. */
const MAX_TOTAL_BYTES = 60 * 1024 * 1024;
const FIELD_NAMES = new Set(Object.keys(PublicReportFields.shape));
export const REPORT_NOT_FOUND = notFound('举报');
export const QUEUE_FULL_MESSAGE = '该镇街待核查的举报较多，暂时无法在线提交，请稍后再试，或拨打安全生产举报电话 12350';

export const hashCode = (code: string): string => createHash('sha256').update(`anzhi-tip:${code}`).digest('hex');
export const summaryOf = (description: string): string => (description.length > 40 ? `${description.slice(0, 40)}…` : description);

function newCode(): string {
  for (;;) {
    const c = codeFromBytes(randomBytes(48));
    if (c) return c;
  }
}

/** The multipart form: its text fields and up to 9 photos or one video, every byte counted. */
async function readForm(req: FastifyRequest, maxFileBytes: number): Promise<{ fields: Record<string, string>; files: { filename: string; data: Buffer }[] }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', '请以表单方式提交举报');
  return readingMultipart(async () => {
    const fields: Record<string, string> = {};
    const files: { filename: string; data: Buffer }[] = [];
    let total = 0;
    for await (const part of req.parts({ limits: { files: MAX_PHOTOS + 1, fileSize: maxFileBytes, fields: 20, fieldSize: 16 * 1024 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        total += data.length;
        if (total > MAX_TOTAL_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `照片和视频合计不能超过 ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
        if (part.fieldname === 'files' && data.length > 0) files.push({ filename: part.filename ?? '', data });
      } else if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    return { fields, files };
  });
}

async function checkFiles(sent: { filename: string; data: Buffer }[]): Promise<CheckedFile[]> {
  if (sent.length > MAX_PHOTOS) throw invalid({ files: [`照片最多${MAX_PHOTOS}张`] });
  const checked: CheckedFile[] = [];
  for (const [i, f] of sent.entries()) checked.push(await checkAnonymousFile(f, { allowVideo: true, nameAs: `举报附件${i + 1}` }));
  const videos = checked.filter((f) => f.kind === 'video').length;
  if (videos > 1 || (videos === 1 && checked.length > 1)) throw invalid({ files: ['可上传最多9张照片，或1段短视频（二选一）'] });
  return checked;
}

export async function publicTownships(ctx: AppContext): Promise<TPublicTownships> {
  const rows = await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId, districtId: orgUnits.districtId })
    .from(orgUnits).where(and(eq(orgUnits.active, true), inArray(orgUnits.kind, ['district', 'township', 'village'])))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name)).limit(5000);
  const districts = new Map(rows.filter((r) => r.kind === 'district').map((r) => [r.id, r.name]));
  return {
    items: rows.filter((r) => r.kind === 'township').map((t) => ({
      id: t.id, name: t.name, districtName: districts.get(t.districtId) ?? '',
      villages: rows.filter((v) => v.kind === 'village' && v.parentId === t.id).map((v) => ({ id: v.id, name: v.name })),
    })),
  };
}

export async function submitPublicReport(ctx: AppContext, req: FastifyRequest): Promise<TPublicReportReceipt> {
  const form = await readForm(req, ctx.config.uploadMaxBytes);
  const input = parseOrThrow(PublicReportFields, form.fields);
  const [township] = await ctx.db.select().from(orgUnits).where(and(eq(orgUnits.id, input.townshipId), eq(orgUnits.kind, 'township'), eq(orgUnits.active, true))).limit(1);
  if (!township) throw invalid({ townshipId: ['请选择镇街'] });
  if (input.villageId) {
    const [v] = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.id, input.villageId), eq(orgUnits.parentId, township.id), eq(orgUnits.active, true))).limit(1);
    if (!v) throw invalid({ villageId: ['所选村居不属于该镇街'] });
  }
  // The cheap proof first: decoding nine photos is work a flood must not get for free.
  await spendChallenge(ctx, input.altcha);
  const files = await checkFiles(form.files);
  const code = newCode();
  const now = ctx.clock.now();
  return withStoredFiles(ctx, files, (insertRows) => ctx.db.transaction(async (tx) => {
    await refuseWhenQueueFull(tx, township.id, ctx.config.publicReportQueueCap);
    const year = Number(shanghaiDay(now).slice(0, 4));
    const seq = await nextRecordSeq(tx, township.districtId, 'public_report', year);
    const [r] = await tx.insert(publicReports).values({
      districtId: township.districtId, townshipId: township.id, villageId: input.villageId, number: `JB-${year}-${String(seq).padStart(6, '0')}`,
      codeHash: hashCode(code), status: 'pending', description: input.description, place: input.place, latitude: input.latitude, longitude: input.longitude,
      enterpriseName: input.enterpriseName, anonymous: input.anonymous, reporterName: input.anonymous ? null : input.reporterName,
      reporterPhone: input.anonymous ? null : input.reporterPhone, submittedAt: now, createdAt: now, updatedAt: now,
    }).returning();
    const report = r!;
    const stored = await insertRows(tx, { districtId: report.districtId, ownerType: TIP_FILE_OWNER, ownerId: report.id, purpose: 'evidence' });
    await eventWriter(tx, { entityType: 'public_report', entityId: report.id, districtId: report.districtId, actor: null, at: now })({
      action: 'submit', from: null, to: 'pending', note: input.anonymous ? '匿名举报' : '实名举报', data: { fileCount: stored.length },
    });
    // The audit row names the report, never the reporter: audit readers are not the identity's keepers.
    await recordAudit(tx, {
      at: now, districtId: report.districtId, actor: null, action: 'public_report.submit', entityType: 'public_report', entityId: report.id,
      after: { number: report.number, townshipId: report.townshipId, villageId: report.villageId, anonymous: report.anonymous, fileCount: stored.length },
    });
    const office = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, township.id), eq(users.role, 'office'), eq(users.active, true)));
    await notify(tx, {
      districtId: report.districtId, kind: 'tip.received', title: `群众举报 ${report.number}`, body: summaryOf(report.description),
      href: `/tips/${report.id}`, entity: { type: 'public_report', id: report.id }, audience: { userIds: office.map((u) => u.id) },
    });
    return { code, submittedAt: now.toISOString(), townshipName: township.name, summary: summaryOf(report.description), fileCount: stored.length };
  }));
}

/** A flood of reports for one township stops at the cap; the office's own work is untouched. */
async function refuseWhenQueueFull(tx: Tx, townshipId: string, cap: number): Promise<void> {
  const [q] = await tx.select({ n: count() }).from(publicReports).where(and(eq(publicReports.townshipId, townshipId), eq(publicReports.status, 'pending')));
  if ((q?.n ?? 0) >= cap) throw new AppError('RATE_LIMITED', QUEUE_FULL_MESSAGE);
}

/** The report a code opens, or the one 404 (a malformed code is not told apart from an unknown one). */
export async function reportByCode(db: AppContext['db'], raw: string) {
  const code = normalizeCode(raw);
  const [r] = await db.select().from(publicReports).where(eq(publicReports.codeHash, hashCode(code ?? raw))).limit(1);
  if (!r || !code) throw REPORT_NOT_FOUND;
  return r;
}

export async function lookupReport(ctx: AppContext, raw: string): Promise<TPublicReportView> {
  const r = await reportByCode(ctx.db, raw);
  const [[township], [hazard], [reward]] = await Promise.all([
    ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, r.townshipId)).limit(1),
    r.hazardId ? ctx.db.select({ status: hazards.status }).from(hazards).where(eq(hazards.id, r.hazardId)).limit(1) : Promise.resolve([]),
    ctx.db.select().from(tipRewards).where(eq(tipRewards.reportId, r.id)).limit(1),
  ]);
  // The public sees a reward once a leader approved it (and never a refused one).
  const shownReward = reward && (reward.status === 'approved' || reward.status === 'paid') ? reward : null;
  return {
    status: r.status, submittedAt: r.submittedAt.toISOString(), townshipName: township?.name ?? '', summary: summaryOf(r.description),
    concludedAt: r.concludedAt?.toISOString() ?? null, publicReply: r.publicReply, repliedAt: r.repliedAt?.toISOString() ?? null,
    hazard: hazard && hazard.status !== 'voided' ? { rectified: hazard.status === 'closed' } : null,
    reward: shownReward ? { status: shownReward.status, amountFen: shownReward.amountFen, claimedAt: shownReward.claimedAt?.toISOString() ?? null, mayClaim: shownReward.status === 'approved' && !shownReward.claimedAt } : null,
  };
}

export async function claimReward(ctx: AppContext, raw: string, phone: string | null): Promise<TPublicReportView> {
  const r = await reportByCode(ctx.db, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [reward] = await tx.update(tipRewards).set({ claimedAt: now, claimPhone: phone, updatedAt: now })
      .where(and(eq(tipRewards.reportId, r.id), eq(tipRewards.status, 'approved'), isNull(tipRewards.claimedAt))).returning();
    if (!reward) {
      const [had] = await tx.select({ claimedAt: tipRewards.claimedAt }).from(tipRewards).where(eq(tipRewards.reportId, r.id)).limit(1);
      throw new AppError('CONFLICT', had?.claimedAt ? '奖励已申领，请等待工作人员联系，或凭查询码到镇街安委办领取' : '该举报暂无可申领的奖励');
    }
    await eventWriter(tx, { entityType: 'tip_reward', entityId: reward.id, districtId: reward.districtId, actor: null, at: now })({ action: 'claim', from: 'approved', to: 'approved', note: '举报人凭查询码申领' });
    await recordAudit(tx, { at: now, districtId: reward.districtId, actor: null, action: 'tip_reward.claim', entityType: 'tip_reward', entityId: reward.id, after: { claimed: true } });
    const office = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, r.townshipId), eq(users.role, 'office'), eq(users.active, true)));
    await notify(tx, {
      districtId: reward.districtId, kind: 'reward.claimed', title: `举报 ${r.number} 的奖励已申领`, body: '请联系举报人发放奖励（匿名举报凭查询码发放）',
      href: `/tips/${r.id}`, entity: { type: 'public_report', id: r.id }, audience: { userIds: office.map((u) => u.id) },
    });
  });
  return lookupReport(ctx, raw);
}
