// The uploaded sheet drawn as a table, as Excel shows it: column letters and row numbers, column
// widths and row heights, merged cells, bold headings and borders. A blank cell can be clicked to
// bind it; a bound cell shows what it is bound to; a grid form's unit row is marked.
import type { CSSProperties, KeyboardEvent } from 'react';
import { addressOf, colLetters } from '../../../../domain/reports/workbook.ts';
import { type SheetPreview, columnPx, drawSheet, rowPx } from './workbook-grid.ts';

export interface CellMark {
  text: string;
  tone: 'bound' | 'unit' | 'repeat';
}

const HEAD: CSSProperties = { background: '#fafafa', color: '#595959', fontSize: 11, textAlign: 'center', border: '1px solid #f0f0f0', position: 'sticky', zIndex: 1 };
const TONE: Record<CellMark['tone'], CSSProperties> = {
  // dark enough on their tints for WCAG AA at 11px
  bound: { background: '#e6f4ff', color: '#003eb3' },
  unit: { background: '#f6ffed', color: '#135200' },
  repeat: { background: '#f5f5f5', color: '#595959' },
};

export function WorkbookSheet({ preview, marks, selected, onPick }: {
  preview: SheetPreview;
  /** What to show in a bound (or unit-row) cell, by address. */
  marks: ReadonlyMap<string, CellMark>;
  selected: string | null;
  onPick: (address: string) => void;
}) {
  const s = drawSheet(preview);
  const cols = Array.from({ length: preview.cols }, (_, i) => i + 1);
  const rows = Array.from({ length: preview.rows }, (_, i) => i + 1);
  // the sheet keeps its own widths and scrolls in its frame rather than squeezing to the screen
  const width = 32 + cols.reduce((n, c) => n + columnPx(preview.widths[c - 1] ?? 8.43), 0);
  const keyPick = (e: KeyboardEvent, a: string) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(a); }
  };
  return (
    <div style={{ overflow: 'auto', maxHeight: '65vh', maxWidth: '100%', border: '1px solid #f0f0f0', WebkitOverflowScrolling: 'touch' }} data-testid="workbook-sheet">
      <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width, minWidth: width, fontSize: 12, background: '#fff' }} aria-label="上传的报表">
        <colgroup>
          <col style={{ width: 32 }} />
          {cols.map((c) => <col key={c} style={{ width: columnPx(preview.widths[c - 1] ?? 8.43) }} />)}
        </colgroup>
        <thead>
          <tr>
            <th style={{ ...HEAD, top: 0, left: 0, zIndex: 2 }} />
            {cols.map((c) => <th key={c} scope="col" style={{ ...HEAD, top: 0 }}>{colLetters(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r} style={{ height: rowPx(preview.heights[r - 1] ?? 15) }}>
              <th scope="row" style={{ ...HEAD, left: 0 }}>{r}</th>
              {cols.map((c) => {
                if (s.covered(r, c)) return null;
                const a = addressOf(r, c);
                const cell = s.at(r, c);
                const span = s.span(r, c);
                const mark = marks.get(a);
                const pickable = s.bindable(a);
                const style: CSSProperties = {
                  border: cell?.border ? '1px solid #595959' : '1px dashed #f0f0f0',
                  fontWeight: cell?.bold ? 600 : undefined,
                  textAlign: (cell?.align as CSSProperties['textAlign']) ?? (cell?.t && /^[\d.]+$/.test(cell.t) ? 'right' : 'left'),
                  padding: '2px 4px', whiteSpace: 'pre-wrap', wordBreak: 'break-all', overflow: 'hidden', verticalAlign: 'middle',
                  cursor: pickable ? 'pointer' : undefined,
                  outline: selected === a ? '2px solid #1677ff' : undefined, outlineOffset: -2,
                  ...(mark ? TONE[mark.tone] : {}),
                };
                const content = mark ? <span style={{ fontSize: 11 }}>{mark.text}</span> : cell?.t;
                return pickable ? (
                  <td key={c} rowSpan={span?.rowSpan} colSpan={span?.colSpan} style={style} role="button" tabIndex={0}
                    aria-label={`单元格${a}${mark ? `：${mark.text}` : '（空白，可绑定）'}`} aria-pressed={selected === a}
                    data-testid={`cell-${a}`} onClick={() => onPick(a)} onKeyDown={(e) => keyPick(e, a)}>{content}</td>
                ) : (
                  <td key={c} rowSpan={span?.rowSpan} colSpan={span?.colSpan} style={style} data-testid={`cell-${a}`}>{content}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
