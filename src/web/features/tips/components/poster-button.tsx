// 举报二维码海报: the QR code that opens the public report page for a township, as a PNG to put in
// a notice or an A4 PDF to print and put up. A township's office prints its own; the district's
// any of its townships'.
import { QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Flex, List, Modal } from 'antd';
import { useState } from 'react';
import { tipRoutes } from '../../../../contract/tips.ts';
import { paths } from '../../../app/paths.ts';
import { apiFile, errorMessage } from '../../../lib/api.ts';
import { useCurrentUser } from '../../../lib/auth.ts';
import { saveBlob } from '../../../lib/download.ts';
import { useUnits } from '../../../reference-data/list-units.ts';

export function PosterButton() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const district = me.unit.kind === 'district';
  const townships = useUnits({ kind: 'township' }, { enabled: open && district });
  const items = district ? (townships.data?.items ?? []).map((t) => ({ id: t.id, name: t.name })) : [{ id: me.unit.id, name: me.unit.name }];
  const download = async (townshipId: string, format: 'png' | 'pdf') => {
    setBusy(`${townshipId}-${format}`);
    try {
      const f = await apiFile(tipRoutes.poster, { params: { townshipId }, query: { format, size: 800 } });
      saveBlob(f.blob, f.fileName ?? `举报二维码.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<QrcodeOutlined />} onClick={() => setOpen(true)} data-testid="tip-poster">举报二维码</Button>
      <Modal title="举报二维码海报" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <p className="text-muted">群众扫码即可打开举报页面（{window.location.origin}{paths.publicReport.form()}），无需注册，所选镇街已预先选好。</p>
        <List loading={district && townships.isPending} dataSource={items} renderItem={(t) => (
          <List.Item>
            <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={8} wrap>
              <span>{t.name}</span>
              <Flex gap={8}>
                <Button size="small" loading={busy === `${t.id}-png`} onClick={() => void download(t.id, 'png')} data-testid="poster-png">二维码图片</Button>
                <Button size="small" type="primary" loading={busy === `${t.id}-pdf`} onClick={() => void download(t.id, 'pdf')} data-testid="poster-pdf">A4 海报（PDF）</Button>
              </Flex>
            </Flex>
          </List.Item>
        )} />
      </Modal>
    </>
  );
}
