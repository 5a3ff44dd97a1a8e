// Tables of an HTML document as grids of cell texts, rowspan and colspan expanded so that each
// merged cell's text stands in every grid cell it covers. Written for mammoth's output of a Word
// document (well-formed <table><tr><td colspan rowspan><p>…), and tolerant of what a browser's
// clipboard holds when a table is copied from Word or Excel (unquoted attributes, <br> without
// a slash, unclosed <td>/<tr>/<p>, comments and conditional comments). No HTML parser is among
// the dependencies and this needs only tables and text, so a small tokenizer does it.
import { MAX_ANNEX_COLUMNS, checkGridSize } from './annex-limits.ts';

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['br', 'img', 'hr', 'col', 'meta', 'link', 'input', 'wbr', 'area', 'base', 'source']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
/** Elements whose content is a line of its own in a cell's text. */
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'blockquote', 'pre']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * A start or end tag at a given position (sticky). Attribute text is bounded so that a '<' with
 * no '>' after it costs a bounded scan, not one to the end of the document each time.
 */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]{0,4000}"|'[^']{0,4000}'){0,4000})>/y;

/** The document as a tree under a root element. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  /** Index in the stack of the nearest open element among `tags`, not looking past `stopAt`. */
  const nearest = (tags: readonly string[], stopAt: readonly string[] = ['table']) => {
    for (let i = stack.length - 1; i > 0; i--) {
      const t = stack[i]!.tag;
      if (tags.includes(t)) return i;
      if (stopAt.includes(t)) return -1;
    }
    return -1;
  };
  const closeFrom = (i: number) => {
    if (i > 0) stack.length = i;
  };

  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      top().children.push(decodeEntities(html.slice(at)));
      break;
    }
    if (lt > at) top().children.push(decodeEntities(html.slice(at, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        // <!DOCTYPE …>, Word's <![if …]>, <?xml …?>: no content of ours.
        const end = html.indexOf('>', lt);
        at = end < 0 ? html.length : end + 1;
      } else {
        top().children.push('<');
        at = lt + 1;
      }
      continue;
    }
    at = lt + m[0].length;
    const tag = m[2]!.toLowerCase();
    if (m[1] === '/') {
      // A stray end tag inside a table closes nothing outside it.
      closeFrom(nearest([tag], tag === 'table' ? [] : ['table']));
      continue;
    }
    // Start tags that end an unclosed sibling, as HTML does.
    if (tag === 'td' || tag === 'th') closeFrom(nearest(['td', 'th'], ['tr', 'table']));
    if (tag === 'tr') closeFrom(nearest(['tr'], ['table']));
    if (TABLE_PARTS.has(tag)) closeFrom(nearest(['tr', ...TABLE_PARTS], ['table']));
    if (tag === 'p' || BLOCK.has(tag)) closeFrom(nearest(['p'], ['td', 'th', 'table', 'li', 'div']));
    const el: HtmlElement = { tag, attrs: parseAttributes(m[3]!), children: [] };
    top().children.push(el);
    if (VOID.has(tag) || m[3]!.trimEnd().endsWith('/')) continue;
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}`, 'gi');
      close.lastIndex = at;
      const end = close.exec(html)?.index ?? -1;
      el.children.push(html.slice(at, end < 0 ? html.length : end));
      at = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    stack.push(el);
  }
  return root;
}

function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The tables of the document in order; a table inside a cell is part of that cell's text. */
export function tablesOf(node: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.tag === 'table') out.push(child);
    else out.push(...tablesOf(child));
  }
  return out;
}

/** A cell's text: paragraphs and <br> as line breaks, runs of spaces as one, blank lines dropped. */
export function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (typeof n === 'string') {
      parts.push(n.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (n.tag === 'br') {
      parts.push('\n');
      return;
    }
    if (RAW_TEXT.has(n.tag)) return;
    const block = BLOCK.has(n.tag);
    if (block) parts.push('\n');
    n.children.forEach(walk);
    if (block) parts.push('\n');
  };
  walk(node);
  return parts.join('').split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n');
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const walk = (n: HtmlElement) => {
    for (const c of n.children) {
      if (typeof c === 'string' || c.tag === 'table') continue;
      if (c.tag === 'tr') rows.push(c);
      else walk(c);
    }
  };
  walk(table);
  return rows;
}

const span = (value: string | undefined, max: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

/**
 * The table as a grid: each row as wide as the widest, a cell spanning rows or columns copied
 * into each grid cell it covers (rowspan="0", to the end of the table, counts as 1). Refuses a
 * table past the annex bounds before building it.
 */
export function gridOfTable(table: HtmlElement): string[][] {
  const rows = rowsOf(table);
  checkGridSize(rows.length, 0);
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children) {
      if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
      const line = grid[r]!;
      while (line[c] !== undefined) c++;
      const rowspan = span(cell.attrs.rowspan, rows.length - r);
      const colspan = span(cell.attrs.colspan, MAX_ANNEX_COLUMNS + 1);
      if (c + colspan > MAX_ANNEX_COLUMNS) checkGridSize(rows.length, c + colspan);
      const text = textOf(cell);
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) grid[r + i]![c + j] = text;
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  return grid.map((line) => Array.from({ length: width }, (_, i) => line[i] ?? ''));
}

/** Every table of an HTML document as a grid, in document order. */
export const gridsFromHtml = (html: string): string[][][] => tablesOf(parseHtml(html)).map(gridOfTable);
