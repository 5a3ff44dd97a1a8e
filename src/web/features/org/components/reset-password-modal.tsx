import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ResetPasswordRequest, type TUser } from '../../../../contract/org.ts';
import { formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { PASSWORD_POLICY_TEXT, passwordRule } from '../../../components/password-rule.ts';

export function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword?: string; confirm?: string }>();
  const reset = useResetPassword();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user) {
      setError(null);
      form.resetFields();
    }
  }, [user, form]);

  const onOk = async () => {
    if (!user) return;
    setError(null);
    const v = await form.validateFields();
    const check = parseWithSchema(form, ResetPasswordRequest, { newPassword: v.newPassword ?? '' });
    if (!check.ok) return;
    reset.mutate(
      { id: user.id, body: check.data },
      {
        onSuccess: () => {
          void message.success(`已重置「${user.displayName}」的密码，请将临时密码告知本人`);
          onClose();
        },
        onError: (e) => setError(formErrorMessage(form, e)),
      },
    );
  };

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={!!user}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText="重置"
      okButtonProps={{ loading: reset.isPending, ...testId('reset-password-save') }}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        设置一个临时密码，用户下次登录时须自行修改。密码要求：{PASSWORD_POLICY_TEXT}。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="newPassword" label="临时密码" rules={[{ required: true, message: '请输入临时密码' }, passwordRule(() => ({ username: user?.username, displayName: user?.displayName }))]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认临时密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入' },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
