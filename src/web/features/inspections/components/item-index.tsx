// The fill page's overview: every item by number, coloured by its answer, to jump to.
import { Button, Drawer, Flex, Typography } from 'antd';
import type { ConformityResult } from '../../../../domain/checklists/checklist.ts';

export interface IndexEntry {
  key: string;
  groupTitle: string;
  answered: boolean;
  result: ConformityResult | null;
}

export function ItemIndex(props: {
  open: boolean;
  onClose: () => void;
  entries: IndexEntry[];
  current: number;
  onPick: (index: number) => void;
  onFinish: () => void;
}) {
  const groups: { title: string; entries: (IndexEntry & { index: number })[] }[] = [];
  props.entries.forEach((e, index) => {
    const last = groups.at(-1);
    if (last && last.title === e.groupTitle) last.entries.push({ ...e, index });
    else groups.push({ title: e.groupTitle, entries: [{ ...e, index }] });
  });
  return (
    <Drawer title="检查项目录" placement="bottom" size="70%" open={props.open} onClose={props.onClose}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        绿色为已填，红色为不符合，白色为未填
      </Typography.Paragraph>
      <Flex vertical gap={12} data-testid="inspection-index">
        {groups.map((g) => (
          <div key={`${g.title}:${g.entries[0]?.index ?? 0}`}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{g.title}</Typography.Text>
            <Flex wrap gap={8}>
              {g.entries.map((e) => {
                const bg = e.result === 'nonconform' ? '#ff4d4f' : e.answered ? '#52c41a' : undefined;
                return (
                  <Button
                    key={e.key}
                    onClick={() => props.onPick(e.index)}
                    style={{
                      width: 44,
                      height: 44,
                      background: bg,
                      color: bg ? '#fff' : undefined,
                      borderColor: e.index === props.current ? '#1f5fbf' : bg,
                      borderWidth: e.index === props.current ? 2 : 1,
                    }}
                    aria-label={`第${e.index + 1}项${e.answered ? '（已填）' : '（未填）'}`}
                    data-testid={`inspection-index-${e.index + 1}`}
                  >
                    {e.index + 1}
                  </Button>
                );
              })}
            </Flex>
          </div>
        ))}
        <Button type="primary" ghost block onClick={props.onFinish} data-testid="inspection-index-finish">
          小结与签名
        </Button>
      </Flex>
    </Drawer>
  );
}
