import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { saveBlob } from '../../../lib/download.ts';

/** The recovery codes, shown once: each signs in once instead of a code when the phone is not at hand. */
export function RecoveryCodes({ codes, username }: { codes: string[]; username: string }) {
  const { message } = App.useApp();
  const text = codes.join('\n');
  return (
    <Flex vertical gap={12} data-testid="recovery-codes">
      <Alert
        type="warning"
        showIcon
        title="请立即保存以下恢复码"
        description="恢复码只显示这一次。手机丢失或不在身边时，每个恢复码可代替动态验证码登录一次。请打印或保存在安全的地方。"
      />
      <div className="recovery-codes">
        {codes.map((c) => (
          <Typography.Text key={c} code className="mono">{c}</Typography.Text>
        ))}
      </div>
      <Flex gap={8} wrap>
        <Button
          icon={<CopyOutlined />}
          onClick={() => void navigator.clipboard?.writeText(text).then(() => message.success('已复制'), () => message.error('复制失败，请手动抄写'))}
        >
          复制
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => saveBlob(new Blob([`安治 ${username} 恢复码\n${text}\n`], { type: 'text/plain' }), `安治恢复码-${username}.txt`)}>
          下载
        </Button>
      </Flex>
    </Flex>
  );
}
