// npm run admin:create — creates an administrator (the first one of a real deployment, DEMO=off).
//
// Interactive: asks for the unit (or the district's name when there is none yet), the username,
// the display name and the password twice with masked echo; re-asks until each answer is valid.
// Non-interactive (automation): set ADMIN_USERNAME and ADMIN_PASSWORD, optionally
// ADMIN_DISPLAY_NAME, ADMIN_UNIT (name of an existing district or township) and ADMIN_DISTRICT
// (the district to create when the database has none). The password is never printed.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Username } from '../contract/org.ts';
import { PASSWORD_PROBLEM_MESSAGES, type PasswordOwner, type PasswordProblem, checkPassword } from '../domain/access/password-policy.ts';
import { UNIT_KIND_LABELS } from '../domain/access/roles.ts';
import type { Db } from '../server/db/client.ts';
import { orgUnits, users } from '../server/db/schema/index.ts';
import { recordAudit } from '../server/modules/audit/audit.service.ts';
import { openDatabaseForCli } from './open-db.ts';
import { hashPassword } from '../server/modules/auth/password.ts';

export class AdminCreateError extends Error {}

const PASSWORD_POLICY_EN = 'at least 8 characters, three of: upper case, lower case, digits, symbols';
const PASSWORD_PROBLEM_EN: Record<PasswordProblem, string> = {
  too_short: PASSWORD_POLICY_EN,
  too_few_classes: PASSWORD_POLICY_EN,
  same_as_username: 'must not be the username (case and spaces aside)',
  same_as_display_name: 'must not be the display name (case and spaces aside)',
  demo_password: 'must not be the published demo password',
};

/** What is wrong with the new admin's password, in both languages, or null. */
export function passwordProblem(password: string, owner: { username: string; displayName: string }): string | null {
  // An admin made here is never a demo account (the demo seed makes those).
  const problem = checkPassword(password, { ...owner, demoAccount: false } satisfies PasswordOwner);
  return problem ? `${PASSWORD_PROBLEM_MESSAGES[problem]} / ${PASSWORD_PROBLEM_EN[problem]}` : null;
}

export interface RegionUnit {
  id: string;
  districtId: string;
  kind: 'district' | 'township';
  name: string;
  parentId: string | null;
}

/** Districts and their townships, each district followed by its townships. */
export async function listRegionUnits(db: Db): Promise<RegionUnit[]> {
  const rows = await db
    .select({ id: orgUnits.id, districtId: orgUnits.districtId, kind: orgUnits.kind, name: orgUnits.name, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(and(inArray(orgUnits.kind, ['district', 'township']), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const districts = rows.filter((r) => r.kind === 'district');
  return districts.flatMap((d) => [d, ...rows.filter((t) => t.kind === 'township' && t.districtId === d.id)]) as RegionUnit[];
}

export function usernameProblem(username: string): string | null {
  const r = Username.safeParse(username);
  return r.success ? null : (r.error.issues[0]?.message ?? '用户名不合法');
}

async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const r = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return r.length > 0;
}

export interface CreateAdminInput {
  username: string;
  displayName: string;
  password: string;
  /** An existing district or township, or the name of a district to create. */
  unit: { unitId: string } | { newDistrictName: string };
  now?: Date;
}

/** Creates the admin (and the district, if asked) in one transaction with audit rows. */
export async function createAdmin(db: Db, input: CreateAdminInput): Promise<{ userId: string; unitId: string; districtId: string }> {
  const now = input.now ?? new Date();
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  const problem = usernameProblem(username);
  if (problem) throw new AdminCreateError(problem);
  if (!displayName || displayName.length > 32) throw new AdminCreateError('姓名应为1-32个字 / display name: 1-32 characters');
  const pwProblem = passwordProblem(input.password, { username, displayName });
  if (pwProblem) throw new AdminCreateError(pwProblem);
  if (await usernameTaken(db, username)) throw new AdminCreateError(`用户名已被使用 / username taken: ${username}`);

  let unit: { id: string; districtId: string } | null = null;
  if ('unitId' in input.unit) {
    const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, input.unit.unitId)).limit(1);
    if (!u || (u.kind !== 'district' && u.kind !== 'township')) throw new AdminCreateError('管理员须属于区/县或镇/乡/街道 / unit must be a district or township');
    unit = { id: u.id, districtId: u.districtId };
  }
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      let target = unit;
      if (!target) {
        const name = (input.unit as { newDistrictName: string }).newDistrictName.trim();
        if (!name || name.length > 64) throw new AdminCreateError('区/县名称应为1-64个字 / district name: 1-64 characters');
        const id = randomUUID();
        await tx.insert(orgUnits).values({ id, districtId: id, kind: 'district', name, parentId: null, createdAt: now, updatedAt: now });
        await recordAudit(tx, {
          at: now, districtId: id, actor: null, action: 'unit.create', entityType: 'unit', entityId: id,
          after: { kind: 'district', name, via: 'admin:create' },
        });
        target = { id, districtId: id };
      }
      await tx.insert(users).values({
        id: userId, districtId: target.districtId, username, displayName, role: 'admin', unitId: target.id,
        passwordHash, mustChangePassword: false, createdAt: now, updatedAt: now,
      });
      await recordAudit(tx, {
        at: now, districtId: target.districtId, actor: null, action: 'user.create', entityType: 'user', entityId: userId,
        after: { username, displayName, role: 'admin', unitId: target.id, enterpriseId: null, via: 'admin:create' },
      });
      return { userId, unitId: target.id, districtId: target.districtId };
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw new AdminCreateError(`用户名已被使用 / username taken: ${username}`);
    throw e;
  }
}

// ---------------------------------------------------------------- prompts

class Cancelled extends Error {}

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ctrlC = new AbortController();
  rl.on('SIGINT', () => ctrlC.abort());
  try {
    return (await rl.question(question, { signal: ctrlC.signal })).trim();
  } catch (e) {
    if (ctrlC.signal.aborted) throw new Cancelled();
    throw e;
  } finally {
    rl.close();
  }
}

/** Reads a line without echoing it: each character shows as '*'. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true); // before the prompt, so nothing typed after it is echoed
    process.stdout.write(question);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    function onData(chunk: string) {
      if (chunk.startsWith('\u001b')) return; // arrow keys and other escape sequences
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Cancelled());
          return;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (value.length > 0) {
            value = [...value].slice(0, -1).join('');
            process.stdout.write('\b \b');
          }
          continue;
        }
        if (ch < ' ') continue;
        value += ch;
        process.stdout.write('*');
      }
    }
    stdin.on('data', onData);
  });
}

async function promptUnit(db: Db): Promise<CreateAdminInput['unit']> {
  const units = await listRegionUnits(db);
  if (units.length === 0) {
    for (;;) {
      const name = await ask('尚无区/县，请输入区/县名称 / no district yet, district name: ');
      if (name && name.length <= 64) return { newDistrictName: name };
      console.log('  请输入1-64个字 / 1-64 characters');
    }
  }
  console.log('管理员所属单位 / the admin belongs to:');
  units.forEach((u, i) => console.log(`  ${String(i + 1).padStart(2)}. ${u.kind === 'township' ? '  ' : ''}${u.name}（${UNIT_KIND_LABELS[u.kind]}）`));
  for (;;) {
    const answer = await ask(`请选择编号 / number [1-${units.length}, 默认 default 1]: `);
    const n = answer === '' ? 1 : Number.parseInt(answer, 10);
    const u = Number.isInteger(n) ? units[n - 1] : undefined;
    if (u) return { unitId: u.id };
    console.log('  编号无效 / invalid number');
  }
}

async function promptUsername(db: Db): Promise<string> {
  for (;;) {
    const username = await ask('用户名 / username: ');
    const problem = usernameProblem(username);
    if (problem) console.log(`  ${problem}`);
    else if (await usernameTaken(db, username)) console.log('  用户名已被使用 / username taken');
    else return username;
  }
}

async function promptPassword(owner: { username: string; displayName: string }): Promise<string> {
  for (;;) {
    const pw = await askHidden('密码 / password: ');
    const problem = passwordProblem(pw, owner);
    if (problem) {
      console.log(`  ${problem}`);
      continue;
    }
    const again = await askHidden('再次输入密码 / password again: ');
    if (again === pw) return pw;
    console.log('  两次输入不一致 / the two entries differ');
  }
}

async function interactiveInput(db: Db): Promise<CreateAdminInput> {
  const unit = await promptUnit(db);
  const username = await promptUsername(db);
  const displayName = (await ask('姓名 / display name [系统管理员]: ')) || '系统管理员';
  const password = await promptPassword({ username, displayName });
  return { username, displayName, password, unit };
}

async function envInput(db: Db, env: NodeJS.ProcessEnv): Promise<CreateAdminInput> {
  const units = await listRegionUnits(db);
  let unit: CreateAdminInput['unit'];
  if (env.ADMIN_UNIT) {
    const matches = units.filter((u) => u.name === env.ADMIN_UNIT);
    if (matches.length !== 1) {
      throw new AdminCreateError(
        `ADMIN_UNIT=${env.ADMIN_UNIT}: ${matches.length === 0 ? '未找到 / not found' : '重名 / ambiguous'}; ` +
          `可选 / choose one of: ${units.map((u) => u.name).join('、') || '（无 / none）'}`,
      );
    }
    unit = { unitId: matches[0]!.id };
  } else if (units.length === 0) {
    if (!env.ADMIN_DISTRICT) throw new AdminCreateError('尚无区/县：请设置 ADMIN_DISTRICT / no district yet: set ADMIN_DISTRICT to its name');
    unit = { newDistrictName: env.ADMIN_DISTRICT };
  } else {
    const districts = units.filter((u) => u.kind === 'district');
    if (districts.length !== 1) throw new AdminCreateError(`请设置 ADMIN_UNIT / set ADMIN_UNIT to one of: ${units.map((u) => u.name).join('、')}`);
    unit = { unitId: districts[0]!.id };
  }
  return {
    username: env.ADMIN_USERNAME!.trim(),
    displayName: env.ADMIN_DISPLAY_NAME?.trim() || '系统管理员',
    password: env.ADMIN_PASSWORD!,
    unit,
  };
}

async function main(): Promise<number> {
  const env = process.env;
  const fromEnv = Boolean(env.ADMIN_USERNAME && env.ADMIN_PASSWORD);
  if (!fromEnv && !process.stdin.isTTY) {
    console.error('需要在终端中运行，或设置 ADMIN_USERNAME 和 ADMIN_PASSWORD / run in a terminal, or set ADMIN_USERNAME and ADMIN_PASSWORD');
    return 1;
  }
  const opened = await openDatabaseForCli('admin:create', { config: 1, locked: 2 });
  if ('exitCode' in opened) return opened.exitCode;
  const { database } = opened;
  try {
    const input = fromEnv ? await envInput(database.db, env) : await interactiveInput(database.db);
    const created = await createAdmin(database.db, input);
    const unitName = (await listRegionUnits(database.db)).find((u) => u.id === created.unitId)?.name ?? '';
    console.log(`管理员已创建 / admin created: ${input.username.trim()}（${unitName}）`);
    return 0;
  } catch (e) {
    if (e instanceof Cancelled) {
      console.error('已取消 / cancelled');
      return 1;
    }
    if (e instanceof AdminCreateError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
