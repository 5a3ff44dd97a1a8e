// A checklist item's running number, shown before its 检查内容. Seed content keeps the source
// document's own numbering word for word ("1.业主自己…"), so a second prefix would read "1. 1.…":
// when the content already starts with a number, ours is left out.
import { Typography } from 'antd';

const OWN_NUMBER = /^\s*[（(]?\d+[)）.、．]/;

export function hasOwnNumber(content: string): boolean {
  return OWN_NUMBER.test(content);
}

export function ItemNumber({ n, content }: { n: number; content: string }) {
  if (hasOwnNumber(content)) return null;
  return <Typography.Text type="secondary" style={{ flex: 'none' }}>{n}. </Typography.Text>;
}
