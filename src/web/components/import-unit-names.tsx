// A hazard ledger's own short unit names, in its import preview: a name not registered is offered
// the registered unit it likely means (采用 reads every row of that name as that unit), and names
// already read so (adopted now, or by the district for an earlier file) can be undone. Each choice
// is a 单位名称 value of the column mapping, checked again by the server with the file.
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import type { TImportMappingInput, TImportPreview } from '../../contract/enterprises.ts';
import { NAME_ALIAS_FIELD as FIELD } from '../../domain/imports/column-mapping.ts';

interface Props {
  preview: TImportPreview;
  chosen: TImportMappingInput;
  pending: boolean;
  onApply: (mapping: TImportMappingInput) => void;
}

/** The choices with unit names set: a registered name to read the file's name as, or '' for none. */
export function withUnitNames(chosen: TImportMappingInput, names: Record<string, string>): TImportMappingInput {
  return { ...chosen, values: { ...chosen.values, [FIELD]: { ...chosen.values[FIELD], ...names } } };
}

export function ImportUnitNames({ preview, chosen, pending, onApply }: Props) {
  const suggestions = preview.nameSuggestions ?? [];
  const aliases = preview.nameAliases ?? [];
  if (suggestions.length === 0 && aliases.length === 0) return null;
  const adopt = (names: Record<string, string>) => onApply(withUnitNames(chosen, names));
  return (
    <Alert
      type={suggestions.length > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-unit-names"
      title={suggestions.length > 0 ? `${suggestions.length} 个单位名称未登记，可能是下列单位的简称` : `${aliases.length} 个单位名称按已确认的全称读取`}
      description={(
        <Flex vertical gap={8} style={{ marginTop: 4 }}>
          {suggestions.map((s) => (
            <Flex key={s.name} gap={8} wrap align="center" data-testid="import-unit-suggestion">
              <Typography.Text style={{ minWidth: 0, flex: '1 1 200px' }}>
                “{s.name}”（{s.rows} 行）是否为“<Typography.Text strong>{s.suggestion}</Typography.Text>”？
              </Typography.Text>
              <Button size="small" type="primary" ghost disabled={pending} onClick={() => adopt({ [s.name]: s.suggestion })} data-testid="import-unit-adopt">
                采用
              </Button>
            </Flex>
          ))}
          {suggestions.length > 1 && (
            <div>
              <Button
                size="small"
                type="primary"
                loading={pending}
                onClick={() => adopt(Object.fromEntries(suggestions.map((s) => [s.name, s.suggestion])))}
                data-testid="import-unit-adopt-all"
              >
                全部采用（{suggestions.length} 个）
              </Button>
            </div>
          )}
          {aliases.map((a) => (
            <Flex key={a.name} gap={8} wrap align="center" data-testid="import-unit-alias">
              <Typography.Text style={{ minWidth: 0, flex: '1 1 200px' }}>
                “{a.name}”（{a.rows} 行）读作“<Typography.Text strong>{a.target}</Typography.Text>”
                {a.how === 'remembered' && <Tag style={{ marginInlineStart: 8 }}>上次导入时确认</Tag>}
              </Typography.Text>
              <Button size="small" disabled={pending} onClick={() => adopt({ [a.name]: '' })} data-testid="import-unit-undo">撤销</Button>
            </Flex>
          ))}
          {suggestions.length > 0 && (
            <Typography.Text type="secondary">
              采用后该名称的各行按所选单位导入，本区下次导入时沿用；如不是同一单位，请在文件中填写单位全称或统一社会信用代码。
            </Typography.Text>
          )}
        </Flex>
      )}
    />
  );
}
