// What changed between two versions, as the server's diff says: template fields, then items
// added, removed and changed (each changed field shown before → after).
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import type { TChecklistDiff } from '../../../../contract/checklists.ts';
import { CHECK_METHOD_LABELS, CONFORMITY_RESULTS, RESPONSE_TYPE_LABELS } from '../../../../domain/checklists/checklist.ts';

type DiffItem = TChecklistDiff['added'][number];
const INFO_LABELS = { name: '名称', audience: '适用对象', source: '来源', description: '说明' } as const;

const FIELDS: { key: keyof DiffItem; label: string; text: (i: DiffItem) => string }[] = [
  { key: 'groupTitle', label: '分组', text: (i) => i.groupTitle },
  { key: 'content', label: '检查内容', text: (i) => i.content },
  { key: 'requirement', label: '检查要求', text: (i) => i.requirement ?? '' },
  { key: 'howToCheck', label: '排查要点及方式', text: (i) => i.howToCheck },
  { key: 'checkMethods', label: '排查方式', text: (i) => i.checkMethods.map((m) => CHECK_METHOD_LABELS[m]).join('、') },
  { key: 'responseType', label: '结果类型', text: (i) => RESPONSE_TYPE_LABELS[i.responseType] },
  { key: 'photoRequired', label: '须拍照', text: (i) => (i.photoRequired ? '是' : '否') },
  { key: 'unit', label: '单位', text: (i) => i.unit ?? '' },
  { key: 'question', label: '检查问题', text: (i) => i.question ?? '' },
  { key: 'finding', label: '发现问题表述', text: (i) => i.finding ?? '' },
  { key: 'answerLabels', label: '回答文字', text: (i) => (i.answerLabels ? CONFORMITY_RESULTS.map((r) => i.answerLabels![r]).join('/') : '') },
];

function ItemLine({ item }: { item: DiffItem }) {
  return (
    <div>
      <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{item.key}</Typography.Text>
      <Typography.Text type="secondary"> · {item.groupTitle}</Typography.Text>
      <div className="pre-wrap">{item.content}</div>
    </div>
  );
}

/** One-line count, e.g. for the publish dialog's title. */
export function diffSummary(d: TChecklistDiff): string {
  const parts = [
    d.added.length ? `新增 ${d.added.length} 项` : '',
    d.removed.length ? `删除 ${d.removed.length} 项` : '',
    d.changed.length ? `修改 ${d.changed.length} 项` : '',
    d.infoChanged.length ? `修改${d.infoChanged.map((f) => INFO_LABELS[f]).join('、')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '无改动';
}

export function VersionDiff({ diff }: { diff: TChecklistDiff }) {
  const empty = !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.infoChanged.length;
  return (
    <Flex vertical gap={12} data-testid="checklist-diff">
      <Alert type={empty ? 'info' : 'warning'} showIcon title={`第${diff.fromVersion}版 → 第${diff.toVersion}版：${diffSummary(diff)}`} />
      {diff.added.length > 0 && (
        <Card size="small" title={<><Tag color="green">新增</Tag>{diff.added.length} 项</>}>
          <Flex vertical gap={8}>{diff.added.map((i) => <ItemLine key={i.key} item={i} />)}</Flex>
        </Card>
      )}
      {diff.removed.length > 0 && (
        <Card size="small" title={<><Tag color="red">删除</Tag>{diff.removed.length} 项</>}>
          <Flex vertical gap={8}>{diff.removed.map((i) => <ItemLine key={i.key} item={i} />)}</Flex>
        </Card>
      )}
      {diff.changed.length > 0 && (
        <Card size="small" title={<><Tag color="orange">修改</Tag>{diff.changed.length} 项</>}>
          <Flex vertical gap={12}>
            {diff.changed.map(({ key, before, after }) => (
              <div key={key}>
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{key}</Typography.Text>
                {FIELDS.filter((f) => f.text(before) !== f.text(after)).map((f) => (
                  <div key={f.key} className="diff-field">
                    <Typography.Text strong>{f.label}：</Typography.Text>
                    <del className="pre-wrap diff-before">{f.text(before) || '（空）'}</del>
                    <span> → </span>
                    <ins className="pre-wrap diff-after">{f.text(after) || '（空）'}</ins>
                  </div>
                ))}
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
