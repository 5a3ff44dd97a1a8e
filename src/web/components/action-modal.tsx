// One modal for an action on a record (a hazard's or a case's workflow action). Each workflow keeps
// a registry of small form definitions, one per action (its fields, initial values and request
// body); this shell does the rest the same way for all of them: the title from the action's label,
// the form, validation with the contract's schema, the request sent with the version the page was
// showing, field errors onto their fields (the server's as the schema's), a conflict closed with a
// warning (the page reloads the record), and the submit button waiting for uploads.
import { Alert, App, Button, Flex, Form, type FormInstance, Modal } from 'antd';
import { type ComponentType, useState } from 'react';
import type { z } from '../../contract/zod.ts';
import { ApiError, errorMessage, isApiError } from '../lib/api.ts';
import { type FieldErrors, applyListFieldErrors, clearErrorsOnChange, zodPathErrors } from './form-errors.ts';
import { testId } from './test-id.ts';

/** What an action's fields component is given. */
export interface ActionFieldsProps<R> {
  record: R;
  form: FormInstance;
  /** A file upload started or ended: the submit button waits for it. */
  onBusyChange: (busy: boolean) => void;
}

/**
 * The form of one action: R the record, B the action's request body, C what the initial values may
 * also depend on (the signed-in user, a preset), V the form's values.
 */
export interface ActionFormDefinition<R, B, C, V extends object = object> {
  Fields: ComponentType<ActionFieldsProps<R>>;
  initialValues?(record: R, context: C): V;
  /** The request body from the form's values (the version is the record's); null when nothing would change. */
  body(values: V, record: R): B | null;
  /** Errors this form words itself (请选择… for an empty select), over the schema's for the same field. */
  extraErrors?(body: B): FieldErrors | null;
  /** The submit button's text, if not the workflow's usual one. */
  okText?: string;
  /** The submit button is red (a refusal, a void). */
  danger?: boolean;
  width?: number;
}

export interface ActionModalProps<R, B, C> {
  record: R;
  /** The open action's name (null: closed), its label (the title) and its form. */
  action: { name: string; label: string; definition: ActionFormDefinition<R, B, C> } | null;
  context: C;
  /** The contract's schema of the request body. */
  schema: z.ZodType;
  /** Sends the body; resolves when the server accepted it. */
  send: (body: B) => Promise<unknown>;
  sending: boolean;
  /** data-testid prefix: `<prefix>-form`, `<prefix>-submit`, `<prefix>-error`. */
  testIdPrefix: string;
  okText: string;
  /** A request field's key as the form names it (a nested body's `plan.owner` → `owner`). */
  fieldKey?: (key: string) => string;
  onClose: () => void;
}

export function ActionModal<R, B, C>(props: ActionModalProps<R, B, C>) {
  const { action, onClose } = props;
  return (
    <Modal
      title={action?.label ?? ''}
      open={!!action}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={action?.definition.width ?? 640}
      mask={{ closable: false }}
    >
      {action && <ActionForm key={action.name} {...props} action={action} />}
    </Modal>
  );
}

function ActionForm<R, B, C>({
  record, action, context, schema, send, sending, testIdPrefix, okText, fieldKey = (k) => k, onClose,
}: ActionModalProps<R, B, C> & { action: NonNullable<ActionModalProps<R, B, C>['action']> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { definition: def, label } = action;
  const [initialValues] = useState(() => def.initialValues?.(record, context) ?? {});

  /** Errors onto their fields; the rest (no such field on the form) returned. */
  const showErrors = (errors: FieldErrors): string[] => {
    const keyed: FieldErrors = {};
    for (const [key, msgs] of Object.entries(errors)) keyed[fieldKey(key)] = msgs;
    return applyListFieldErrors(form, keyed);
  };

  const submit = async () => {
    setError(null);
    const body = def.body(form.getFieldsValue(true) as object, record);
    if (!body) {
      setError('没有修改任何内容');
      return;
    }
    const parsed = schema.safeParse(body);
    const errors = { ...(parsed.success ? {} : zodPathErrors(parsed.error)), ...def.extraErrors?.(body) };
    if (Object.keys(errors).length > 0) {
      const unmatched = showErrors(errors);
      if (unmatched.length) setError(unmatched.join('；'));
      return;
    }
    try {
      await send(body);
      void message.success(`${label}：已完成`);
      onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void message.warning(`${e.message.replace(/[，,]?\s*请刷新后重试[。.]?$/, '')}：页面已更新为最新内容，请核对后重新操作`);
        onClose();
        return;
      }
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldErrors) {
        const unmatched = showErrors(e.fieldErrors);
        setError(unmatched.length ? unmatched.join('；') : e.message);
        return;
      }
      setError(errorMessage(e));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void submit()}
      onValuesChange={(changed: Record<string, unknown>) => {
        clearErrorsOnChange(form)(changed);
        setError(null);
      }}
      data-testid={`${testIdPrefix}-form`}
    >
      <def.Fields record={record} form={form} onBusyChange={setBusy} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${testIdPrefix}-error`} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" danger={def.danger} htmlType="submit" loading={sending} disabled={busy} {...testId(`${testIdPrefix}-submit`)}>
          {busy ? '文件上传中…' : (def.okText ?? okText)}
        </Button>
      </Flex>
    </Form>
  );
}
