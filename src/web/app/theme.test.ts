// The theme's text colours against what they stand on, as antd computes its tokens from the theme:
// the quick check of what the page smoke test's axe run finds on rendered pages.
import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { appTheme, themeFor } from './theme.ts';

type Rgb = [number, number, number];

/** #rgb, #rrggbb or rgba(); an alpha colour is laid over `under` (white unless said). */
function rgb(color: string, under: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(color.replace(/\s+/g, ''));
  if (!m) throw new Error(`not a colour: ${color}`);
  const [r, g, b, a = 1] = m[1]!.split(',').map(Number) as [number, number, number, number?];
  return [r, g, b].map((c, i) => Math.round(c * a + under[i]! * (1 - a))) as Rgb;
}

const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG 2.1 contrast ratio of a text colour on a background. */
function contrast(text: string, background: string): number {
  const bg = rgb(background);
  const [hi, lo] = [luminance(rgb(text, bg)), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const AA = 4.5;
const token = antdTheme.getDesignToken(appTheme) as unknown as Record<string, string>;
/** A component's tokens: the global ones with the component's own laid over them. */
const tagToken = { ...token, ...(appTheme.components?.Tag as Record<string, string>) };
const tableToken = { ...token, ...(appTheme.components?.Table as Record<string, string>) };

describe('the app theme', () => {
  it('makes secondary text, placeholders, links and status text readable on white and on the page grey', () => {
    for (const name of ['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder',
      'colorLink', 'colorLinkHover', 'colorLinkActive', 'colorPrimary', 'colorError', 'colorSuccessText', 'colorWarningText', 'colorErrorText']) {
      for (const bg of ['#ffffff', '#f5f6f8', '#fafafa']) expect(contrast(token[name]!, bg), `${name} on ${bg}`).toBeGreaterThanOrEqual(AA);
    }
    expect(contrast(tableToken.colorTextDisabled!, '#ffffff'), 'a table’s empty text').toBeGreaterThanOrEqual(AA);
  });

  it('puts white text on primary and danger buttons at rest and under the pointer', () => {
    for (const name of ['colorPrimary', 'colorPrimaryHover', 'colorPrimaryActive', 'colorError', 'colorErrorHover', 'colorErrorActive']) {
      expect(contrast(token.colorTextLightSolid!, token[name]!), name).toBeGreaterThanOrEqual(AA);
    }
  });

  it('makes every preset tag colour readable on its pale background, and red readable under white', () => {
    const presets = ['blue', 'purple', 'cyan', 'green', 'magenta', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'lime', 'gold'];
    for (const c of presets) {
      expect(token[`${c}7`], `${c}7 and ${c}-7 are one CSS variable`).toBe(token[`${c}-7`]);
      expect(contrast(token[`${c}7`]!, token[`${c}1`]!), `${c} tag`).toBeGreaterThanOrEqual(AA);
    }
    expect(token.red6).toBe(token['red-6']);
    expect(contrast('#ffffff', token.red6!), 'solid red tag').toBeGreaterThanOrEqual(AA);
  });

  it('makes status tags readable on their backgrounds', () => {
    for (const s of ['Success', 'Info', 'Warning', 'Error']) {
      expect(contrast(tagToken[`color${s}`]!, tagToken[`color${s}Bg`]!), `${s} tag`).toBeGreaterThanOrEqual(AA);
    }
  });

  it('turns antd\'s animations off for a device that asks for less motion, and keeps the colours', () => {
    const reduced = antdTheme.getDesignToken(themeFor(true)) as unknown as Record<string, string | boolean>;
    expect([reduced.motion, reduced.motionDurationFast, reduced.motionDurationMid, reduced.motionDurationSlow]).toEqual([false, '0s', '0s', '0s']);
    expect(reduced.colorPrimary).toBe(token.colorPrimary);
    expect(themeFor(false)).toBe(appTheme);
  });
});
