// How the server read a file that is not the template (a 市场监管 registry, a township's own
// ledger): each of its columns with the field it was read as, the required fields still missing,
// and the distinct values of enum-like columns with the label each reads as. The person changes
// any of it (or 忽略 a column, or fills a field for the whole file) and checks the file again; the
// choices are remembered for the district when the import is committed.
import { AutoComplete, Alert, Button, Card, Flex, Form, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type TImportMappingInfo, type TImportMappingInput, VILLAGE_FROM_ADDRESS } from '../../contract/enterprises.ts';
import { mappingSummary } from './import-mapping-summary.ts';
import { useIsMobile } from './use-is-mobile.ts';

type How = TImportMappingInfo['headers'][number]['how'];
const HOW: Record<How, { text: string; color?: string }> = {
  exact: { text: '模板列名', color: 'green' },
  synonym: { text: '同义列名', color: 'blue' },
  remembered: { text: '本区上次的对应', color: 'purple' },
  chosen: { text: '已选择', color: 'geekblue' },
  none: { text: '未识别', color: 'orange' },
};
const IGNORE = '__ignore__';

export interface ImportMappingPanelProps {
  mapping: TImportMappingInfo;
  /** The choices sent with the last check (kept when checking again). */
  chosen: TImportMappingInput;
  pending: boolean;
  onApply: (mapping: TImportMappingInput) => void;
}

const howTag = (h: TImportMappingInfo['headers'][number]) => <Tag color={HOW[h.how].color}>{HOW[h.how].text}</Tag>;

export function ImportMappingPanel({ mapping, chosen, pending, onApply }: ImportMappingPanelProps) {
  const phone = useIsMobile();
  const [columns, setColumns] = useState<Record<string, string>>(chosen.columns);
  const [values, setValues] = useState<Record<string, Record<string, string>>>(chosen.values);
  const [defaults, setDefaults] = useState<Record<string, string>>({ ...mapping.defaults, ...chosen.defaults });
  const fieldOf = useMemo(() => new Map(mapping.fields.map((f) => [f.key, f])), [mapping.fields]);
  const fieldOptions = [
    ...mapping.fields.map((f) => ({ value: f.key, label: f.required ? `${f.header}（必填）` : f.header })),
    { value: IGNORE, label: '忽略此列' },
  ];
  // Required fields with no column: they may be filled for the whole file.
  const mapped = new Set(mapping.headers.map((h) => (columns[h.header] !== undefined ? columns[h.header] : h.key)).filter(Boolean));
  // (A field the server can infer, e.g. 单位类型 from the USCC, is not missing.)
  const fillable = mapping.fields.filter((f) => (mapping.missing.includes(f.key) && !mapped.has(f.key)) || defaults[f.key] !== undefined);

  const apply = () => onApply({ columns, values, defaults: Object.fromEntries(Object.entries(defaults).filter(([, v]) => v.trim() !== '')) });
  // A file read whole (the template, or one whose every column and value was recognised) shows a line only.
  const needsAttention = mapping.missing.length > 0 || mapping.unmatched.length > 0 || mapping.values.some((g) => g.values.some((v) => v.target === null));
  const [open, setOpen] = useState(needsAttention);
  if (!open) {
    const { recognised, wholeFile } = mappingSummary(mapping, chosen);
    return (
      <Card size="small" style={{ marginBottom: 16 }} data-testid="import-mapping">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex vertical gap={4}>
            <Typography.Text>{recognised}</Typography.Text>
            {wholeFile && <Typography.Text type="warning" data-testid="import-mapping-whole-file">{wholeFile}</Typography.Text>}
          </Flex>
          <Button size="small" onClick={() => setOpen(true)} data-testid="import-mapping-open">查看或修改对应</Button>
        </Flex>
      </Card>
    );
  }

  return (
    <Card
      size="small"
      title="列与取值的对应"
      style={{ marginBottom: 16 }}
      extra={mapping.remembered ? <Tag color="purple">已沿用本区上次的对应</Tag> : null}
      data-testid="import-mapping"
    >
      {mapping.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`缺少必填项：${mapping.missing.map((k) => fieldOf.get(k)?.header ?? k).join('、')}。请为其选择文件中的列，或在下方为整个文件统一填写。`}
        />
      )}
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        // A phone has no room for three columns: how a column was read goes under its name.
        scroll={phone ? undefined : { x: 480 }}
        dataSource={mapping.headers.filter((h) => h.header !== '')}
        columns={[
          phone
            ? { title: '文件中的列', width: '42%', render: (_: unknown, h: TImportMappingInfo['headers'][number]) => <Flex vertical gap={4} align="flex-start">{h.header}{howTag(h)}</Flex> }
            : { title: '文件中的列', dataIndex: 'header', width: 180 },
          {
            title: '读作',
            width: phone ? undefined : 220,
            render: (_: unknown, h: TImportMappingInfo['headers'][number]) => {
              const v = columns[h.header];
              return (
                <Select
                  aria-label={`“${h.header}”列读作`}
                  data-testid={`import-column-${mapping.headers.indexOf(h)}`}
                  style={{ width: '100%' }}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="未识别（不导入）"
                  allowClear
                  value={v === '' ? IGNORE : v ?? h.key ?? undefined}
                  options={fieldOptions}
                  onChange={(k?: string) => setColumns((c) => ({ ...c, [h.header]: k === undefined || k === IGNORE ? '' : k }))}
                />
              );
            },
          },
          ...(phone ? [] : [{ title: '识别方式', width: 120, render: (_: unknown, h: TImportMappingInfo['headers'][number]) => howTag(h) }]),
        ]}
      />
      {fillable.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>为整个文件统一填写</Typography.Title>
          <Form layout="vertical">
            <Flex wrap gap={16}>
              {fillable.map((f) => (
                <Form.Item key={f.key} label={f.header} style={{ minWidth: 220, marginBottom: 8 }}
                  extra={f.key === 'village' ? `选“${VILLAGE_FROM_ADDRESS}”时按每行的地址判断所在村/社区` : f.key === 'sectors' ? '多个用顿号“、”分隔' : undefined}>
                  {f.options ? (
                    // a fixed list (来源, 隐患等级…): only its labels, a typed word would fail every row
                    <Select
                      aria-label={`${f.header}（整个文件）`}
                      data-testid={`import-default-${f.key}`}
                      allowClear
                      showSearch
                      value={defaults[f.key] || undefined}
                      placeholder="整个文件的值"
                      options={f.options.map((o) => ({ value: o, label: o }))}
                      onChange={(v: string | undefined) => setDefaults((d) => ({ ...d, [f.key]: v ?? '' }))}
                    />
                  ) : (
                    <AutoComplete
                      aria-label={`${f.header}（整个文件）`}
                      data-testid={`import-default-${f.key}`}
                      allowClear
                      value={defaults[f.key]}
                      placeholder="整个文件的值"
                      options={(mapping.suggestions[f.key] ?? []).map((o) => ({ value: o }))}
                      // a district has hundreds of villages: typing narrows the list
                      filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                      onChange={(v: string | undefined) => setDefaults((d) => ({ ...d, [f.key]: v ?? '' }))}
                    />
                  )}
                </Form.Item>
              ))}
            </Flex>
          </Form>
        </>
      )}
      {mapping.values.map((group) => {
        const field = fieldOf.get(group.field);
        if (!field?.options) return null;
        return (
          <div key={group.field} style={{ marginTop: 16 }}>
            <Typography.Title level={5}>“{field.header}”的取值{group.more ? '（只列出前50种）' : ''}</Typography.Title>
            <Table
              size="small"
              rowKey="value"
              pagination={false}
              scroll={phone ? undefined : { x: 420 }}
              dataSource={group.values}
              columns={[
                ...(phone
                  ? [{ title: '文件中的值', width: '42%', render: (_: unknown, v: (typeof group.values)[number]) => <>{v.value}<div className="card-meta">{v.count} 行</div></> }]
                  : [{ title: '文件中的值', dataIndex: 'value', width: 200 }, { title: '行数', dataIndex: 'count', width: 80 }]),
                {
                  title: '读作',
                  width: phone ? undefined : 200,
                  render: (_: unknown, v: (typeof group.values)[number]) => (
                    <Select
                      aria-label={`“${v.value}”读作`}
                      data-testid={`import-value-${group.field}-${group.values.indexOf(v)}`}
                      style={{ width: '100%' }}
                      placeholder="未识别（该行有误）"
                      allowClear
                      value={values[group.field]?.[v.value] ?? v.target ?? undefined}
                      options={field.options!.map((o) => ({ value: o, label: o }))}
                      onChange={(t?: string) => setValues((all) => {
                        const next = { ...all[group.field] };
                        if (t === undefined) delete next[v.value];
                        else next[v.value] = t;
                        return { ...all, [group.field]: next };
                      })}
                    />
                  ),
                },
              ]}
            />
          </div>
        );
      })}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={apply} loading={pending} data-testid="import-remap">按此对应重新检查</Button>
      </Flex>
    </Card>
  );
}
