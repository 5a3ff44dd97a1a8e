// A failed daily backup awaits the administrators: each district's active admins are told, through
// the notifications module (their bell, and the district's group robot), once per failed day.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { notify } from '../modules/notifications/index.ts';

export async function notifyBackupFailed(db: Db, error: string, day: string): Promise<void> {
  const admins = await db.select({ id: users.id, districtId: users.districtId }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
  const byDistrict = new Map<string, string[]>();
  for (const a of admins) byDistrict.set(a.districtId, [...(byDistrict.get(a.districtId) ?? []), a.id]);
  await db.transaction((tx) => notify(tx, [...byDistrict].map(([districtId, userIds]) => ({
    districtId, kind: 'system.backup_failed' as const, title: `${day} 的每日备份失败`,
    body: `系统未能完成今天的自动备份：${error.slice(0, 300)}。请检查备份目录（BACKUP_DIR）的磁盘空间与权限，或运行 npm run backup 手动备份。`,
    audience: { userIds },
  }))));
}
