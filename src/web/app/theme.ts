// The signed-in app's antd theme. Every colour a person reads is at least 4.5:1 against what it
// stands on (WCAG 2.1 AA, checked by axe in the page smoke test): the app is used by older officers
// and on phones in the sun, where antd's light greys and pale tag texts (2.2–3.4:1) could not be
// read. The plain CSS (styles.css, auth.css) uses the same values.
import type { ThemeConfig } from 'antd';

/** The brand blue: buttons, links, the chosen tab, info tags (6.1:1 on white). */
export const BRAND_BLUE = '#1f5fbf';

/**
 * Palette shades replaced. A preset Tag's text is the palette's 7th colour on its 1st: 2.8–4.4:1
 * for these in antd's palette. The 8th shade reaches 4.5:1 for green, orange, cyan and volcano,
 * lime and yellow need the 9th, gold a shade between (5.2:1); blue, purple, magenta, red and
 * geekblue pass as they are. A solid preset Tag (逾期) puts white on the 6th: red's #f5222d is 4.1:1.
 */
const SHADES = {
  gold7: '#9a5b00',
  green7: '#237804',
  orange7: '#ad4e00',
  cyan7: '#006d75',
  volcano7: '#ad2102',
  lime7: '#3f6600',
  yellow7: '#876800',
  red6: '#cf1322',
} as const;
/**
 * Each shade under both of antd's names (gold7 and gold-7): they become the same CSS variable
 * (--ant-gold-7), and the one left at its default would win.
 */
const shades = Object.fromEntries(
  Object.entries(SHADES).flatMap(([k, v]) => [[k, v], [k.replace(/(\d+)$/, '-$1'), v]]),
) as Record<string, string>;

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    // antd derives links and info (Tag processing, Alert info) from colorInfo, its own #1677ff
    // (4.1:1), not from colorPrimary.
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    // antd lightens a link under the pointer (3.8:1 here): darker instead, readable while pointed at.
    colorLinkHover: '#174ea6',
    // Danger buttons, form errors, Typography danger: antd's #ff4d4f is 3.3:1 on white, and
    // white on it as little. The palette's next red (#cf1322, 5.6:1) is what 重大 and 逾期 use.
    colorError: '#cf1322',
    // Status colours as text (Typography type="success"/"warning", form warnings): antd makes
    // these the bright status colours themselves here (#52c41a 2.3:1, #faad14 1.9:1).
    colorSuccessText: '#237804',
    colorWarningText: '#9a5b00',
    // antd lightens a primary button under the pointer (#417dcc: white on it 4.2:1); darker
    // instead, as the link.
    colorPrimaryHover: '#174ea6',
    colorErrorHover: '#a8071a',
    borderRadius: 6,
    // Secondary text (Typography type="secondary", descriptions, Statistic titles, Empty) is
    // antd's tertiary grey, rgba(0,0,0,0.45) = #8c8c8c, 3.4:1. 0.6 gives #666, 5.7:1 on white and
    // 5.0:1 on the selected row's blue. colorTextSecondary itself (0.65, #595959) already passes.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // Placeholders are the only visible label of some filters: 4.6:1 instead of #bfbfbf's 1.8:1,
    // still lighter than a value (0.88).
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.54)',
    ...shades,
  },
  components: {
    // A status Tag (success, processing, warning, error) writes in the status colour itself on
    // its pale background: green and gold are 2.0–3.0:1 there. Darker only here, where they are
    // text: icons, alerts and badges keep antd's brighter colours.
    Tag: { colorSuccess: '#237804', colorWarning: '#9a5b00' },
    // A table's empty text (暂无…) is antd's disabled grey, #bfbfbf, 1.8:1: it is no disabled
    // control, it tells something. The only other use in Table is its filter menu's empty text.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

/**
 * The theme for a person whose system asks for less motion (WCAG 2.3.3: motion sickness, and
 * phones that stutter through an animation): antd's components without their animations, so
 * drawers, modals and menus open at once. styles.css stops the app's own under the same query.
 */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...appTheme, token: { ...appTheme.token, motion: false } } : appTheme;
}

/** This device's theme, read once when the app loads (a change of the setting applies on the next load). */
export const deviceTheme: ThemeConfig = themeFor(
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches,
);
