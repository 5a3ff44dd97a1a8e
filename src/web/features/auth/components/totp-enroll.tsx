// Turning the second factor on: a QR code to scan with an authenticator app (or its key typed in),
// confirmed by a code from the app; then the recovery codes, shown once.
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { TotpConfirmRequest } from '../../../../contract/security.ts';
import { formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useTotpEnable, useTotpSetup } from '../api/totp.ts';
import { RecoveryCodes } from './recovery-codes.tsx';

export function TotpEnroll({ username, onDone, doneText }: { username: string; onDone: () => void; doneText: string }) {
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const codes = enable.data?.recoveryCodes;

  if (codes) {
    return (
      <Flex vertical gap={16}>
        <Alert type="success" showIcon title="双因素认证已启用，今后登录时需在密码之后输入动态验证码" />
        <RecoveryCodes codes={codes} username={username} />
        <Button type="primary" onClick={onDone} data-testid="totp-enroll-done">{doneText}</Button>
      </Flex>
    );
  }
  if (!setup.data) {
    return (
      <Flex vertical gap={12} align="flex-start">
        <Typography.Paragraph style={{ margin: 0 }}>
          请先在手机上安装身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP 或国产“身份宝”等支持 TOTP 的应用），再生成二维码扫描绑定。
        </Typography.Paragraph>
        {setup.isError && <Alert type="error" showIcon title={errorMessage(setup.error)} />}
        <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending} data-testid="totp-setup">生成二维码</Button>
      </Flex>
    );
  }
  const onFinish = (values: { code: string }) => {
    setError(null);
    const check = parseWithSchema(form, TotpConfirmRequest, values);
    if (!check.ok) return;
    enable.mutate(check.data, { onError: (e) => setError(formErrorMessage(form, e)) });
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>1. 用身份验证器应用扫描二维码（无法扫描时手动输入密钥）：</Typography.Paragraph>
      <Flex gap={16} wrap align="center">
        <img src={setup.data.qrDataUrl} alt="绑定动态验证码的二维码" width={180} height={180} data-testid="totp-qr" />
        <div>
          <Typography.Text type="secondary">密钥</Typography.Text>
          <div><Typography.Text code copyable className="mono" data-testid="totp-secret">{setup.data.secret}</Typography.Text></div>
        </div>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>2. 输入应用中显示的6位动态验证码完成绑定：</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="inline" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="code" label="动态验证码" rules={[{ required: true, message: '请输入验证码' }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 140 }} data-testid="totp-enroll-code" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-enroll-confirm">确认绑定</Button>
        </Form.Item>
      </Form>
    </Flex>
  );
}
