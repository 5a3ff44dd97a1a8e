// The column label of a compliance window.
/** "6月" for a month's window (the first may start mid-month), else "05-18~05-20", "08-18~11-17". */
export function windowLabel(w: { from: string; due: string }): string {
  const [y, m] = [Number(w.due.slice(0, 4)), Number(w.due.slice(5, 7))];
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = w.from.slice(0, 7) === w.due.slice(0, 7) && Number(w.due.slice(8, 10)) === monthEnd;
  return month ? `${m}月` : `${w.from.slice(5)}~${w.due.slice(5)}`;
}
