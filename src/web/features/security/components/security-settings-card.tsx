// The district's security settings: whether 管理员 and 安委办 must use a second factor, and how long
// a password is good for (等保: 口令定期更换). Changed by the district's own 管理员 and 安委办
// (`allowedActions`), read by the rest.
import { Alert, App, Card, Flex, Popconfirm, Select, Switch, Typography } from 'antd';
import type { TSecuritySettings } from '../../../../contract/security.ts';
import { passwordMaxAgeText } from '../../../../domain/access/security-rules.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useSecuritySettings, useUpdateSecuritySettings } from '../api/security.ts';

/** The server's default, the district's own choices: never, or a number of days. */
const DEFAULT = 'default';
const DAY_CHOICES = [30, 60, 90, 180, 365];

function expiryOptions(s: TSecuritySettings) {
  const days = [0, ...DAY_CHOICES];
  // a value set otherwise (by an earlier choice list) still shows as itself
  if (s.passwordMaxAgeDays !== null && !days.includes(s.passwordMaxAgeDays)) days.push(s.passwordMaxAgeDays);
  return [
    { value: DEFAULT, label: `${passwordMaxAgeText(null)}（${passwordMaxAgeText(s.defaultPasswordMaxAgeDays)}）` },
    ...days.map((d) => ({ value: String(d), label: d === 0 ? passwordMaxAgeText(0) : `${passwordMaxAgeText(d)}后须修改` })),
  ];
}

export function SecuritySettingsCard() {
  const settings = useSecuritySettings(true);
  const update = useUpdateSecuritySettings();
  const { message } = App.useApp();
  const s = settings.data;
  const mayEdit = s?.allowedActions.includes('edit') ?? false;
  const save = (change: Partial<Pick<TSecuritySettings, 'totpRequiredForStaff' | 'passwordMaxAgeDays'>>, done: string) =>
    update.mutate({ totpRequiredForStaff: s!.totpRequiredForStaff, ...change, version: s!.version }, {
      onSuccess: () => void message.success(done),
      onError: (e) => void message.error(errorMessage(e)),
    });
  return (
    <Card size="small" title="本区安全设置" loading={settings.isPending} data-testid="security-settings">
      {settings.isError && <Alert type="error" showIcon title={errorMessage(settings.error)} />}
      {s && (
        <Flex vertical gap={12}>
          {/* the switch keeps its label beside it on a phone: the label wraps, not the row */}
          <Flex gap={12} align="center">
            <Popconfirm
              title={s.totpRequiredForStaff ? '取消要求双因素认证？' : '要求管理员和安委办启用双因素认证？'}
              description={s.totpRequiredForStaff ? '已启用的账号仍保留动态验证码' : '尚未启用的管理员和安委办账号（包括您自己）登录后须先绑定动态验证码'}
              okText="确定"
              disabled={!mayEdit}
              onConfirm={() => save({ totpRequiredForStaff: !s.totpRequiredForStaff }, s.totpRequiredForStaff ? '已取消要求' : '已要求管理员和安委办启用双因素认证')}
            >
              <Switch checked={s.totpRequiredForStaff} disabled={!mayEdit} loading={update.isPending} aria-label="管理员和安委办须启用双因素认证" data-testid="security-totp-required" />
            </Popconfirm>
            <span style={{ flex: 1, minWidth: 0 }}>管理员和安委办账号须启用双因素认证（动态验证码）</span>
          </Flex>
          <Flex gap={12} align="center" wrap>
            <span id="password-expiry-label">密码有效期</span>
            <Select
              aria-labelledby="password-expiry-label"
              data-testid="security-password-expiry"
              style={{ minWidth: 220 }}
              disabled={!mayEdit || update.isPending}
              value={s.passwordMaxAgeDays === null ? DEFAULT : String(s.passwordMaxAgeDays)}
              options={expiryOptions(s)}
              onChange={(v: string) => {
                const days = v === DEFAULT ? null : Number(v);
                save({ passwordMaxAgeDays: days }, days === null ? `已改为${passwordMaxAgeText(null)}` : `密码有效期已设为${passwordMaxAgeText(days)}`);
              }}
            />
            <Typography.Text type="secondary">到期的账号登录后须先修改密码</Typography.Text>
          </Flex>
          {!mayEdit && <Typography.Text type="secondary">由区/县管理员或安委办设置</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}
