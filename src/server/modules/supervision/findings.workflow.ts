// The finding workflow as the server runs it (kernel/run-action.ts): loaded in the actor's scope;
// the unit answers with measures and evidence, the group (a member, or the office over it)
// accepts or returns; each step tells the side that must act next.
import { and, eq } from 'drizzle-orm';
import type { TFindingActionRequest, TFindingDetail } from '../../../contract/supervision.ts';
import { can } from '../../../domain/access/permissions.ts';
import {
  type FindingAction, type FindingFacts, type FindingInput, type FindingRefusal, type FindingRelation, type FindingState, findingWorkflow,
} from '../../../domain/supervision/finding-workflow.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { supervisionFindings, supervisionGroupMembers } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { attachFiles } from '../files/index.ts';
import type { FindingRow } from './findings.repository.ts';
import { actsForGroup, recordScopeSql } from './supervision.scope.ts';

export const FINDING_FILE_OWNER = 'supervision_finding';

export const findingScope = (actor: Actor) =>
  recordScopeSql(actor, { districtId: supervisionFindings.districtId, groupId: supervisionFindings.groupId, unitId: supervisionFindings.unitId });

export async function findingRelations(db: DbOrTx, actor: Actor, f: FindingRow): Promise<FindingRelation[]> {
  const rel: FindingRelation[] = [];
  if (actor.unitId === f.unitId && can(actor.role, 'answer:finding')) rel.push('unit');
  if (can(actor.role, 'visit:supervision') && (await actsForGroup(db, actor, f.groupId, { settling: true }))) rel.push('group');
  return rel;
}

/** Everyone who acts for the group: its members' accounts and the office over it (a group may have no accounts). */
async function groupAudience(db: DbOrTx, f: FindingRow) {
  const members = await db.select({ id: supervisionGroupMembers.userId }).from(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, f.groupId));
  return { userIds: members.map((m) => m.id), unitIds: [f.townshipId ?? f.districtId] };
}

export function findingServerWorkflow(present: (ctx: AppContext, actor: Actor, id: string) => Promise<TFindingDetail>): ServerWorkflow<
  FindingState, FindingAction, FindingFacts, FindingRelation, FindingInput, FindingRefusal, FindingRow, TFindingActionRequest, TFindingDetail
> {
  return {
    def: findingWorkflow,
    audit: { entityType: 'supervision_finding', actionPrefix: 'supervision_finding' },
    label: '督导问题',
    forbiddenMessage: '您不能对该问题进行此操作',
    forbiddenMessageFor: (action) => (action === 'answer' ? '只有问题所在单位可以报送整改情况' : '只有本工作组成员或安委办可以验收或退回'),
    async load(db, actor, id) {
      const [r] = await db.select().from(supervisionFindings).where(and(eq(supervisionFindings.id, id), findingScope(actor))).limit(1);
      return r ?? null;
    },
    facts: async (_db, r) => ({ status: r.status }),
    relations: (db, actor, r) => findingRelations(db, actor, r),
    async update(tx, id, version, set, now) {
      const [u] = await tx.update(supervisionFindings).set({ ...set, version: version + 1, updatedAt: now })
        .where(and(eq(supervisionFindings.id, id), eq(supervisionFindings.version, version))).returning();
      return u ?? null;
    },
    handlers: {
      answer: {
        input: ({ body }) => ({ action: 'answer', measures: body.measures, fileCount: body.fileIds.length }),
        run: async ({ tx, actor, row, body, now }) => {
          await attachFiles(tx, actor, { ids: body.fileIds, ownerType: FINDING_FILE_OWNER, ownerId: row.id, purpose: 'evidence' });
          return { set: { measures: body.measures, answeredAt: now, answeredBy: actor.userId, returnReason: null }, event: { note: body.measures.slice(0, 500), data: { fileIds: body.fileIds } } };
        },
      },
      accept: { run: async ({ actor, now, body }) => ({ set: { closedAt: now, closedBy: actor.userId }, event: { note: body.note ?? null } }) },
      return: {
        input: ({ body }) => ({ action: 'return', reason: body.reason }),
        run: async ({ body }) => ({ set: { returnReason: body.reason }, event: { note: body.reason } }),
      },
      withdraw: {
        input: ({ body }) => ({ action: 'withdraw', reason: body.reason }),
        run: async ({ body }) => ({ set: { withdrawReason: body.reason }, event: { note: body.reason } }),
      },
    },
    async notifications({ tx, actor, row, body }) {
      const title = row.description.slice(0, 60);
      const href = `/supervision/findings/${row.id}`;
      const entity = { type: 'supervision_finding', id: row.id };
      if (body.action === 'answer') {
        return [{ districtId: row.districtId, kind: 'finding.answered', title, body: `${actor.unitName} 已报送整改情况，请验收`, href, entity, audience: await groupAudience(tx, row), actorId: actor.userId }];
      }
      const told = { accept: ['finding.accepted', '整改情况已验收，问题销号'], return: ['finding.returned', `退回原因：${'reason' in body ? body.reason : ''}`], withdraw: ['finding.withdrawn', `督导组已撤回该问题：${'reason' in body ? body.reason : ''}`] } as const;
      const [kind, text] = told[body.action];
      return [{ districtId: row.districtId, kind, title, body: text, href, entity, audience: { unitIds: [row.unitId] }, actorId: actor.userId }];
    },
    presentAfterAction: present,
  };
}
