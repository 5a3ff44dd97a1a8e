// GET /api/cases/source reads what a new case would be opened from: like every other read,
// a source out of the caller's view (or unknown) answers 404; a visible but unusable one (a
// voided hazard) stays a field error.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspections } from '../../db/schema/index.ts';
import { actOk as hazardActOk, reportHazard } from '../../test/hazards.ts';
import { errorOf } from '../../test/http.ts';
import { deptChem, now, office, officeX, otherVillage, t, useCaseWorld, village, w } from './cases.test-world.ts';

useCaseWorld();

describe('GET /api/cases/source', () => {
  it('answers 404 for an enterprise, hazard or inspection out of the caller’s view or unknown; a voided hazard stays a 400', async () => {
    const [done] = await t.db.insert(inspections).values({
      districtId: w.D.id, townshipId: w.T1.id, villageId: w.V1b.id, enterpriseId: w.enterprises.c.id, number: `T-JC-2024-${randomUUID().slice(0, 6)}`,
      type: 'enforcement', inspectedOn: '2024-06-02', unitId: w.depChemT1.id, templateVersionId: randomUUID(), templateCode: 'T', templateVersion: 1,
      status: 'completed', createdBy: w.users.deptChemT1.id,
    }).returning();
    const hazardOfD = await reportHazard(otherVillage, now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id });
    for (const [s, query] of [
      [deptChem, `enterpriseId=${w.enterprises.b.id}`], // 消防 enterprise: not 应急站's
      [officeX, `enterpriseId=${w.enterprises.a.id}`], // another district
      [office, `hazardId=${hazardOfD.id}`], // 二镇's hazard
      [officeX, `inspectionId=${done!.id}`],
      [office, `enterpriseId=${randomUUID()}`],
      [office, `hazardId=${randomUUID()}`],
    ] as const) {
      const res = await s.get(`/api/cases/source?${query}`);
      expect(res.statusCode, query).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    const dup = await reportHazard(village, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
    await hazardActOk(village, dup.id, { action: 'void', version: dup.version, reason: '重复录入' });
    const voided = await deptChem.get(`/api/cases/source?hazardId=${dup.id}`);
    expect(voided.statusCode).toBe(400);
    expect(errorOf(voided).fieldErrors).toEqual({ hazardId: ['隐患已作废，不能立案'] });
  });
});
