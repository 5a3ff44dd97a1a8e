// What an import preview tells apart from its problems, above them: registered units it would rename
// or close (named, so a mistyped code is caught before the commit), and rows it passes over on
// purpose (already in the ledger, companies deregistered before they were ever registered here).
import { Alert, Typography } from 'antd';
import type { TImportPreview } from '../../contract/enterprises.ts';

interface RowListProps {
  testId: string;
  title: string;
  intro?: string;
  items: { row: number; text: string }[];
  total: number;
}

/** A warning naming the first rows it is about, and how many there are in all. */
function RowListAlert({ testId, title, intro, items, total }: RowListProps) {
  if (total === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      data-testid={testId}
      title={title}
      description={(
        <>
          {intro && <Typography.Paragraph style={{ margin: '4px 0' }}>{intro}</Typography.Paragraph>}
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {items.map((r) => <li key={r.row}>第{r.row}行：{r.text}</li>)}
          </ul>
          {total > items.length && <Typography.Text type="secondary">此处列出前 {items.length} 个</Typography.Text>}
        </>
      )}
    />
  );
}

export function ImportPreviewNotes({ preview }: { preview: TImportPreview }) {
  const renames = preview.renames ?? [];
  const closing = preview.closing ?? [];
  const passedOver = [
    {
      testId: 'import-already', n: preview.alreadyImported ?? 0,
      title: `另有 ${preview.alreadyImported} 行台账中已有（同一单位、同一发现日期、相同描述），不会重复导入`,
    },
    {
      testId: 'import-deregistered', n: preview.deregistered ?? 0,
      title: `另有 ${preview.deregistered} 行是已注销（或迁出）且未在系统中登记的企业，不导入`,
      description: '已登记的单位在文件中为注销、迁出的，导入时改为“关闭”；被吊销营业执照的企业仍照常导入（状态为“关闭”），便于核查是否仍在经营。',
    },
  ];
  return (
    <>
      {/* rows that would update a registered unit, found by its credit code, under another name: a rename, or a mistyped code */}
      <RowListAlert
        testId="import-renames"
        title={`${preview.renameTotal ?? renames.length} 个已登记单位将按统一社会信用代码更新，名称与系统中不同`}
        intro="请确认是同一单位更名。如是代码填错，导入会改写另一个单位的名称、地址和联系人：请在文件中改正后重新上传。"
        items={renames.map((r) => ({ row: r.row, text: `“${r.from}”将改为“${r.to}”` }))}
        total={preview.renameTotal ?? renames.length}
      />
      <RowListAlert
        testId="import-closing"
        title={`${preview.closingTotal} 个已登记单位在文件中为注销或迁出，导入时将改为“关闭”（其他信息不变）`}
        items={closing.map((c) => ({ row: c.row, text: c.name }))}
        total={preview.closingTotal ?? closing.length}
      />
      {passedOver.filter((p) => p.n > 0).map((p) => (
        <Alert key={p.testId} type="info" showIcon style={{ marginTop: 16 }} data-testid={p.testId} title={p.title} description={p.description} />
      ))}
    </>
  );
}
