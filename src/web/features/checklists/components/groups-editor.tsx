// The groups and items of a template being edited: add, remove and reorder both, and every
// item field. Keys of new items are generated so they never repeat a key of the template.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, type FormInstance, Input, Row, Select, Switch, Tooltip, Typography } from 'antd';
import {
  CHECK_METHODS, CHECK_METHOD_LABELS, RESPONSE_TYPES, RESPONSE_TYPE_LABELS, type ChecklistItem, checkMethodsOf,
} from '../../../../domain/checklists/checklist.ts';
import { AnswerLabelsInput } from './answer-labels-input.tsx';

export type EditorItem = ChecklistItem;
export interface EditorValues {
  code: string;
  name: string;
  audience?: string;
  source: string | null;
  description: string | null;
  groups: { title: string; items: EditorItem[] }[];
}

/** A key not used in the form nor in the version being edited: item-1, item-2, … */
export function freshKey(form: FormInstance, reserved: ReadonlySet<string>): string {
  const groups = (form.getFieldValue('groups') ?? []) as EditorValues['groups'];
  const used = new Set([...reserved, ...groups.flatMap((g) => (g?.items ?? []).map((i) => i?.key))]);
  let n = 1;
  while (used.has(`item-${n}`)) n++;
  return `item-${n}`;
}

export const blankItem = (key: string): EditorItem => ({
  key, content: '', requirement: null, howToCheck: '', checkMethods: [], responseType: 'conformity', photoRequired: false, unit: null,
  question: null, finding: null, answerLabels: null,
});

function Move({ index, count, move, what }: { index: number; count: number; move: (from: number, to: number) => void; what: string }) {
  return (
    <>
      <Tooltip title={`${what}上移`}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`${what}上移`} />
      </Tooltip>
      <Tooltip title={`${what}下移`}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={`${what}下移`} />
      </Tooltip>
    </>
  );
}

function ItemFields({ form, groupIndex, itemIndex }: { form: FormInstance; groupIndex: number; itemIndex: number }) {
  const path = ['groups', groupIndex, 'items', itemIndex];
  const deriveMethods = () => {
    const text = (form.getFieldValue([...path, 'howToCheck']) as string | undefined) ?? '';
    form.setFieldValue([...path, 'checkMethods'], checkMethodsOf(text));
  };
  return (
    <Row gutter={12}>
      <Col xs={24} md={16}>
        <Form.Item name={[itemIndex, 'content']} label="检查内容" rules={[{ required: true, whitespace: true, message: '请填写检查内容' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid="item-content" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[itemIndex, 'key']} label="检查项编码" extra="检查记录按编码对应，修改已有项时请勿改动">
          <Input maxLength={64} className="mono" data-testid="item-key" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[itemIndex, 'howToCheck']} label="排查要点及方式">
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            onBlur={() => {
              const current = form.getFieldValue([...path, 'checkMethods']) as string[] | undefined;
              if (!current || current.length === 0) deriveMethods();
            }}
            data-testid="item-how"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[itemIndex, 'requirement']} label="检查要求">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="排查方式" extra={<Typography.Link onClick={deriveMethods}>按排查要点识别</Typography.Link>}>
          <Form.Item name={[itemIndex, 'checkMethods']} noStyle>
            <Checkbox.Group options={CHECK_METHODS.map((m) => ({ value: m, label: CHECK_METHOD_LABELS[m] }))} data-testid="item-methods" />
          </Form.Item>
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[itemIndex, 'responseType']} label="结果类型">
          <Select
            options={RESPONSE_TYPES.map((t) => ({ value: t, label: RESPONSE_TYPE_LABELS[t] }))}
            onChange={(t: string) => {
              if (t !== 'number') form.setFieldValue([...path, 'unit'], null);
              if (t !== 'conformity') {
                form.setFieldValue([...path, 'answerLabels'], null);
                form.setFieldValue([...path, 'finding'], null);
              }
              if (t === 'photo') form.setFieldValue([...path, 'photoRequired'], true);
            }}
            data-testid="item-type"
          />
        </Form.Item>
      </Col>
      <Form.Item noStyle shouldUpdate>
        {() => {
          const type = form.getFieldValue([...path, 'responseType']) as string;
          return (
            <>
              <Col xs={12} md={4}>
                <Form.Item name={[itemIndex, 'photoRequired']} label="须拍照" valuePropName="checked">
                  <Switch disabled={type === 'photo'} checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Col>
              {type === 'number' && (
                <Col xs={12} md={6}>
                  <Form.Item name={[itemIndex, 'unit']} label="单位">
                    <Input maxLength={16} placeholder="如 人" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name={[itemIndex, 'question']} label="检查问题" extra="填写页和检查记录上的问法；不填时以检查内容提问">
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="如：是否存在“……”的情形？" data-testid="item-question" />
                </Form.Item>
              </Col>
              {type === 'conformity' && (
                <>
                  <Col xs={24} md={12}>
                    <Form.Item name={[itemIndex, 'answerLabels']} label="回答文字" extra="检查结果仍按符合、不符合、不适用统计">
                      <AnswerLabelsInput />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name={[itemIndex, 'finding']} label="发现问题表述" extra="不符合时记录的问题，作为所生成隐患的描述开头；不填时为检查内容">
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="如：电焊等特种作业岗位人员无证上岗作业" data-testid="item-finding" />
                    </Form.Item>
                  </Col>
                </>
              )}
            </>
          );
        }}
      </Form.Item>
    </Row>
  );
}

export function GroupsEditor({ form, reservedKeys }: { form: FormInstance; reservedKeys: ReadonlySet<string> }) {
  return (
    <Form.List name="groups">
      {(groups, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {groups.map((g, gi) => (
            <Card
              key={g.key}
              size="small"
              title={`第${gi + 1}组`}
              extra={
                <Flex gap={0}>
                  <Move index={gi} count={groups.length} move={move} what="分组" />
                  <Tooltip title="删除分组">
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(gi)} aria-label="删除分组" data-testid="group-remove" />
                  </Tooltip>
                </Flex>
              }
              data-testid="editor-group"
            >
              <Form.Item name={[g.name, 'title']} label="分组名称" rules={[{ required: true, whitespace: true, message: '请填写分组名称' }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} data-testid="group-title" />
              </Form.Item>
              <Form.List name={[g.name, 'items']}>
                {(items, ops) => (
                  <Flex vertical gap={8}>
                    {items.map((it, ii) => (
                      <Card
                        key={it.key}
                        size="small"
                        type="inner"
                        title={`检查项 ${ii + 1}`}
                        extra={
                          <Flex gap={0}>
                            <Move index={ii} count={items.length} move={ops.move} what="检查项" />
                            <Tooltip title="删除检查项">
                              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => ops.remove(ii)} aria-label="删除检查项" data-testid="item-remove" />
                            </Tooltip>
                          </Flex>
                        }
                        data-testid="editor-item"
                      >
                        <ItemFields form={form} groupIndex={g.name} itemIndex={it.name} />
                      </Card>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add(blankItem(freshKey(form, reservedKeys)))} data-testid="item-add">
                      添加检查项
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ title: '', items: [blankItem(freshKey(form, reservedKeys))] })}
            data-testid="group-add"
          >
            添加分组
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
