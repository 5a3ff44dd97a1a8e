// A smoke test of the pages of issue 4 (inspections, checklists, 日周月 self-inspection, plans,
// cases, 问责) in a real browser: every role's demo account, at desktop and phone width, opens every
// entry of its own menu (read from the page), the first record of each list, and the create pages
// its list offers. No page may break, show an error, log one, get a 4xx/5xx (403 included: an
// endpoint the page called by itself), show a raw code or an ISO timestamp, or scroll sideways on
// a phone. A page with a problem is saved to test-results/issue4-pages/ (the whole page);
// ISSUE4_SHOTS=all saves every page, for a person to look through.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser as Chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_TARGET_TYPES } from '../src/contract/accountability.ts';
import { INSPECTION_STATUSES } from '../src/contract/inspections.ts';
import { INSPECTOR_EMPLOYMENTS } from '../src/contract/inspector-roster.ts';
import { PUBLICITY_CHANNELS, PUBLICITY_KINDS } from '../src/contract/publicity.ts';
import { SECURITY_EVENT_KINDS } from '../src/contract/security.ts';
import { CHECK_METHODS, CHECKLIST_AUDIENCES, CONFORMITY_RESULTS, RESPONSE_TYPES } from '../src/domain/checklists/checklist.ts';
import { CASE_STATUSES, MEASURE_KINDS } from '../src/domain/enforcement/enforcement.ts';
import { HAZARD_STATUSES } from '../src/domain/hazards/hazard-machine.ts';
import { INSPECTION_METHOD_TAGS, INSPECTION_TYPES } from '../src/domain/inspections/inspection-rules.ts';
import { ROLES } from '../src/domain/access/roles.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_KINDS, COMPLIANCE_STATUS_LABELS } from '../src/domain/drills/drill-requirement.ts';
import { FINDING_STATES, VISIT_METHODS, VISIT_RESULTS } from '../src/domain/supervision/finding-workflow.ts';
import { PAY_METHODS, REWARD_STATES } from '../src/domain/tips/reward-workflow.ts';
import { TIP_STATES } from '../src/domain/tips/tip-workflow.ts';
import { OCCURRENCE_STATUSES, SELF_INSPECTION_FREQUENCIES } from '../src/domain/schedules/self-inspection-schedule.ts';
import { usingPostgres } from '../src/server/test/db.ts';
import {
  DESKTOP, PHONE, type RunningServer, SHOTS as ALL_SHOTS, chromiumOrSkipReason, launchChromium, newTab, signIn, startServer,
} from './helpers.ts';
import { PageWalker, type WalkRules, type Width, installNetProbe } from './page-walker.ts';
import { ensureWebBuilt } from './web-build.ts';

const skip = chromiumOrSkipReason();
const SHOTS = path.join(ALL_SHOTS, 'issue4-pages');
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;
/**
 * One account per role and kind of unit, the longest walks first: the menu is the role's (and an
 * enterprise's own), the pages are the same code, so an account of the same role in the same kind
 * of unit walks the same pages. yingji2 (应急办, like yingji: the same menu, scope and records) and
 * qianzhan (a village officer, like mingyue, over another village's records of the same kinds) are
 * left out; ISSUE4_ACCOUNTS walks them on request.
 */
const ALL_ACCOUNTS = ['admin', 'anweiban', 'leader', 'yingji', 'jianshe', 'dudao', 'mingyue', 'qiye'];
/** ISSUE4_ACCOUNTS=yingji,qiye walks only those (while fixing a page). */
const ACCOUNTS = process.env.ISSUE4_ACCOUNTS?.split(',') ?? ALL_ACCOUNTS;
/**
 * Tabs walking at once, each a context of one Chromium. A walk mostly waits (for the server, for
 * animations, for a quiet network), so a few side by side keep two cores busy; ISSUE4_WALKERS overrides.
 */
const WALKERS = Number(process.env.ISSUE4_WALKERS) || 6;

/** A drill or training record's page (not the form, who is behind, staff training or the requirement). */
const DRILL_DETAIL = /^\/drills\/(?!new$|compliance$|staff$|requirement$)[^/]+$/;
/** A list page and the pattern of its records' detail links (the first one is opened). */
const DETAIL_LINKS: { list: RegExp; detail: RegExp }[] = [
  { list: /^\/inspections$/, detail: /^\/inspections\/(?!new$)[^/]+$/ },
  { list: /^\/cases$/, detail: /^\/cases\/(?!new$)[^/]+$/ },
  { list: /^\/accountability$/, detail: /^\/accountability\/(?!new$)[^/]+$/ },
  { list: /^\/inspector-roster$/, detail: /^\/inspector-roster\/(?!new$)[^/]+$/ },
  // 宣传/曝光 (issue 13): a column's or an exposure's page.
  { list: /^\/publicity$/, detail: /^\/publicity\/(?!new$)[^/]+$/ },
  { list: /^\/checklists$/, detail: /^\/checklists\/(?!new$|import$)[^/]+$/ },
  { list: /^\/plans$/, detail: /^\/plans\/[^/]+$/ },
  { list: /^\/self-inspection$/, detail: /^\/enterprises\/[^/]+\/self-inspection$/ },
  // The enterprise and hazard pages gained inspection, case and self-inspection sections.
  { list: /^\/enterprises$/, detail: /^\/enterprises\/(?!new$|import$)[^/]+$/ },
  { list: /^\/hazards$/, detail: /^\/hazards\/(?!new$|import$)[^/]+$/ },
  // 督导检查 (issue 12): a visit's record and a finding's page.
  { list: /^\/supervision\/visits$/, detail: /^\/supervision\/visits\/(?!new$)[^/]+$/ },
  { list: /^\/supervision\/findings$/, detail: /^\/supervision\/findings\/[^/]+$/ },
  // 群众举报 (issue 13): a report's page and the rewards.
  { list: /^\/tips$/, detail: /^\/tips\/(?!rewards$)[^/]+$/ },
  // 应急演练 / 安全培训 (issue 13): a record's page, from the records and from the staff training.
  { list: /^\/drills$/, detail: DRILL_DETAIL },
  { list: /^\/drills\/staff$/, detail: DRILL_DETAIL },
];
/** Buttons of a page that lead to a create/edit page (navigation) or open a create modal. */
const CREATE_BUTTONS: { testId: string; modal?: boolean }[] = [
  { testId: 'inspection-create' },
  { testId: 'case-create' },
  { testId: 'accountability-create' },
  { testId: 'roster-create' },
  { testId: 'publicity-create' },
  { testId: 'checklist-create' },
  { testId: 'checklist-edit' },
  { testId: 'plan-create', modal: true },
  // The quick report and the enterprise form: the forms most used on a phone, checked by axe too.
  { testId: 'hazard-create' },
  { testId: 'enterprise-create' },
  { testId: 'visit-create' },
  { testId: 'group-create', modal: true },
  // 应急演练: the form (from the list and from an enterprise's page), staff training, the requirement.
  { testId: 'drill-create' },
  { testId: 'enterprise-drill-create' },
  { testId: 'staff-training-create' },
  { testId: 'drill-requirement-link' },
];
/** Codes the server sends that a page must show by their Chinese label. */
const RAW_CODES = new Set<string>([
  ...ACCOUNTABILITY_KINDS, ...ACCOUNTABILITY_TARGET_TYPES, ...INSPECTION_STATUSES, ...CHECK_METHODS, ...CHECKLIST_AUDIENCES,
  ...CONFORMITY_RESULTS, ...RESPONSE_TYPES, ...CASE_STATUSES, ...MEASURE_KINDS, ...HAZARD_STATUSES, ...INSPECTION_METHOD_TAGS,
  ...INSPECTION_TYPES, ...INSPECTOR_EMPLOYMENTS, ...ROLES, ...OCCURRENCE_STATUSES, ...SELF_INSPECTION_FREQUENCIES, ...FINDING_STATES, ...VISIT_METHODS, ...VISIT_RESULTS,
  ...TIP_STATES, ...REWARD_STATES, ...PAY_METHODS,
  ...PUBLICITY_KINDS, ...PUBLICITY_CHANNELS,
  ...ACTIVITY_KINDS, ...ACTIVITY_CATEGORIES, ...Object.keys(COMPLIANCE_STATUS_LABELS),
  // 安全事件 (issue 14): the kinds of event by their names
  ...SECURITY_EVENT_KINDS,
]);
/** Console errors that say nothing about the page (failed requests are checked on their own). */
const BENIGN_CONSOLE = [/Failed to load resource/];
/** antd's deprecation notices: reported once each, not failures (the component still works). */
const DEPRECATION = /^Warning: \[antd: [^\]]+\] .*deprecated/;


const RULES: WalkRules = {
  detailLinks: DETAIL_LINKS,
  createButtons: CREATE_BUTTONS,
  rawCodes: RAW_CODES,
  benignConsole: BENIGN_CONSOLE,
  notice: DEPRECATION,
  shots: { dir: SHOTS, all: process.env.ISSUE4_SHOTS === 'all' },
  axeSeen: new Set<string>(),
};

/** Runs at most `n` of the functions given to it at once, in the order they were given. */
function limit(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

// It checks what the pages render, which does not depend on the database: it runs in the PGlite
// pass only (CI's PostgreSQL pass leaves the browser project out altogether).
describe.skipIf(skip !== null || usingPostgres())('issue 4 pages in Chromium', () => {
  let server: RunningServer | undefined;
  let chromium: Chromium | undefined;
  const notices = new Set<string>();
  const slot = limit(WALKERS);
  /** For the timing line: when the walks started, the pages they checked and axe's share of the time. */
  const totals = { walksStarted: 0, pages: 0, axePages: 0, axeMs: 0, axeByRule: new Map<string, number>() };

  beforeAll(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt();
    const [started, launched] = await Promise.allSettled([startServer(), launchChromium()]);
    // Keep whichever started, for afterAll to close, before failing on the other.
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') chromium = launched.value;
    for (const r of [started, launched]) if (r.status === 'rejected') throw r.reason;
    totals.walksStarted = Date.now();
  }, 300_000);

  afterAll(async () => {
    if (totals.pages) {
      const rules = [...totals.axeByRule].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
      console.log(`[issue4-pages] ${ACCOUNTS.length} accounts walked in ${((Date.now() - totals.walksStarted) / 1000).toFixed(0)} s: ${totals.pages} pages checked (${totals.axePages} distinct by axe), ${(totals.axeMs / 1000).toFixed(0)} s of tab time in axe; serious/critical elements by rule: ${rules}`);
    }
    if (notices.size) console.warn(`[issue4-pages] antd deprecations:\n${[...notices].join('\n')}`);
    await chromium?.close();
    await server?.close();
  });

  /** Signs `who` in on a fresh tab at that width and walks the menu; a walk that throws leaves its page in a screenshot. */
  const walk = (who: string, vp: Width) => slot(async () => {
    const tab = await newTab(chromium!, VIEWPORTS[vp]);
    try {
      await installNetProbe(tab.context);
      const walker = new PageWalker(await signIn(tab, server!, who, VIEWPORTS[vp]), who, vp, VIEWPORTS[vp], RULES);
      const labels = await walker.walk().catch(async (e: unknown) => {
        await tab.page.screenshot({ path: path.join(SHOTS, `${who}-${vp}-failure.png`), fullPage: true }).catch(() => undefined);
        throw new Error(`${who} ${vp} at ${tab.page.url()}: ${(e as Error).message}`, { cause: e });
      });
      for (const n of walker.notices) notices.add(n);
      totals.pages += walker.pagesChecked;
      totals.axePages += walker.axeChecked;
      totals.axeMs += walker.axeMs;
      for (const { finding } of walker.axeFindings) totals.axeByRule.set(finding.rule, (totals.axeByRule.get(finding.rule) ?? 0) + finding.count);
      return { labels, problems: walker.problems };
    } finally {
      await tab.close();
    }
  });

  for (const who of ACCOUNTS) {
    // Concurrent: the accounts' walks share the WALKERS tabs, the next one starting as one ends.
    it.concurrent(`${who}: every menu page, first record and create page, desktop and phone`, async ({ expect }) => {
      const started = Date.now();
      // allSettled: a failed walk must not leave the other one running after the test.
      const walks = await Promise.allSettled([walk(who, 'desktop'), walk(who, 'phone')]);
      const [desktop, phone] = walks.map((w) => {
        if (w.status === 'rejected') throw w.reason;
        return w.value;
      });
      const problems = [...desktop!.problems, ...phone!.problems];
      if (problems.length) fs.appendFileSync(path.join(SHOTS, 'problems.txt'), `${problems.join('\n')}\n`);
      console.log(`[issue4-pages] ${who}: ${desktop!.labels.length} menu entries, both widths done ${((Date.now() - started) / 1000).toFixed(0)} s after the test started`);
      expect(phone!.labels, `${who}: the phone menu is the desktop menu`).toEqual(desktop!.labels);
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
