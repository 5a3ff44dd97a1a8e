// axe-core's WCAG 2.1 A/AA check of the page as it stands (issue 9: older officers, sunlight on a
// phone). Used by the page walker on every page it opens and by the login page's test.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The rule sets of WCAG 2.1 levels A and AA (axe's tags). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** What fails a page: axe's two highest impacts (moderate and minor are left to a person's eye). */
const FAILING = new Set(['serious', 'critical']);
/** Selectors named per rule: enough to find the element, short enough to read in a list. */
const SELECTORS_SHOWN = 3;

export interface AxeFinding {
  rule: string;
  impact: string;
  /** How many elements break the rule. */
  count: number;
  /** The first few of them: a CSS selector and the start of the element's HTML (React's ids say little). */
  selectors: string[];
  /** axe's reason for the first of them (for contrast: the two colours and the ratio). */
  why: string;
}

/**
 * Runs axe on the page's document and returns its serious and critical violations. The script is
 * evaluated through the protocol (the app's Content-Security-Policy allows no inline script) once
 * per document: a single-page app keeps it across its own navigations.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags, failing, shown }) => {
      const a = (window as unknown as { axe: typeof axe }).axe;
      // noHtml: axe would copy the HTML of every node it looks at, passes included; the few
      // failing ones are described below instead. Only violations are reported back: building
      // passes and incomplete results for every node costs as much again on a long list.
      a.configure({ noHtml: true });
      const result = await a.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false,
      });
      const describe = (target: string) => {
        const el = document.querySelector(target);
        return el ? el.outerHTML.replace(/\s+/g, ' ').slice(0, 100) : '';
      };
      return result.violations
        .filter((v) => v.impact && failing.includes(v.impact))
        .map((v) => ({
          rule: v.id,
          impact: v.impact ?? '',
          count: v.nodes.length,
          selectors: v.nodes.slice(0, shown).map((n) => {
            const target = n.target.map(String).join(' >> ');
            return `${target} ${describe(String(n.target[0]))}`;
          }),
          why: (v.nodes[0]?.any[0] ?? v.nodes[0]?.all[0] ?? v.nodes[0]?.none[0])?.message ?? '',
        }));
    },
    { tags: WCAG_TAGS, failing: [...FAILING], shown: SELECTORS_SHOWN },
  );
}

/** One line per rule: `color-contrast (serious) ×12 [why the first]: .a <span…> | .b <a…> | .c <div…>`. */
export const describeFinding = (f: AxeFinding): string =>
  `axe ${f.rule} (${f.impact}) ×${f.count} [${f.why.slice(0, 160)}]: ${f.selectors.join(' | ')}`;
