// A version's groups and items, read-only: 检查内容 (with its question and finding when the item
// states them), 排查要点及方式 with 问/查/看 tags, result type in the item's answer words, photo required. A table per group on a desktop, one card per item on a phone.
import { CameraOutlined } from '@ant-design/icons';
import { Card, Flex, Table, type TableProps, Typography } from 'antd';
import type { TChecklistItem } from '../../../../contract/checklists.ts';
import { CONFORMITY_RESULTS, RESPONSE_TYPE_LABELS } from '../../../../domain/checklists/checklist.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { ItemNumber } from '../../../components/item-number.tsx';
import { MethodTags } from './labels.tsx';

interface Group { title: string; items: TChecklistItem[] }

function resultText(i: TChecklistItem) {
  if (i.responseType === 'conformity' && i.answerLabels) return CONFORMITY_RESULTS.map((r) => i.answerLabels![r]).join('/');
  return `${RESPONSE_TYPE_LABELS[i.responseType]}${i.unit ? `（${i.unit}）` : ''}`;
}

function HowToCheck({ item }: { item: TChecklistItem }) {
  if (!item.howToCheck && item.checkMethods.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      <MethodTags methods={item.checkMethods} />
      {item.howToCheck && <div className="pre-wrap">{item.howToCheck}</div>}
    </div>
  );
}

function Content({ item }: { item: TChecklistItem }) {
  return (
    <div>
      <div className="pre-wrap">{item.content}</div>
      {item.question && <div className="pre-wrap" data-testid="checklist-item-question">问：{item.question}</div>}
      {item.finding && <Typography.Text type="secondary" className="pre-wrap" style={{ display: 'block' }}>发现问题：{item.finding}</Typography.Text>}
      {item.requirement && <Typography.Text type="secondary" className="pre-wrap">要求：{item.requirement}</Typography.Text>}
    </div>
  );
}

export function ItemsView({ groups }: { groups: Group[] }) {
  const isMobile = useIsMobile();
  let n = 0;
  const numbered = groups.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, n: ++n })) }));
  type Row = TChecklistItem & { n: number };
  const columns: TableProps<Row>['columns'] = [
    { title: '序号', key: 'n', width: 56, align: 'center', render: (_v, i) => <ItemNumber n={i.n} content={i.content} /> },
    { title: '检查内容', key: 'content', render: (_v, i) => <Content item={i} /> },
    { title: '排查要点及方式', key: 'how', width: '32%', render: (_v, i) => <HowToCheck item={i} /> },
    { title: '结果类型', key: 'type', width: 150, render: (_v, i) => resultText(i) },
    { title: '须拍照', key: 'photo', width: 72, align: 'center', render: (_v, i) => (i.photoRequired ? <CameraOutlined aria-label="须拍照" /> : '') },
  ];
  return (
    <Flex vertical gap={12} data-testid="checklist-items">
      {numbered.map((g, gi) => (
        <Card key={`${gi}-${g.title}`} size="small" title={<span className="pre-wrap">{g.title}</span>} styles={{ body: isMobile ? undefined : { padding: 0 } }}>
          {isMobile ? (
            <Flex vertical gap={12}>
              {g.items.map((i) => (
                <div key={i.key} className="checklist-item-card" data-testid="checklist-item">
                  <Flex gap={6} align="start">
                    <ItemNumber n={i.n} content={i.content} />
                    <Content item={i} />
                  </Flex>
                  <div style={{ marginTop: 4 }}><HowToCheck item={i} /></div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {resultText(i)}{i.photoRequired ? ' · 须拍照' : ''}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          ) : (
            <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={g.items} data-testid="checklist-item-table" />
          )}
        </Card>
      ))}
    </Flex>
  );
}
