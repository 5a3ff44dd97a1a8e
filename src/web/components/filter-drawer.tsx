import { Button, Drawer } from 'antd';
import type { ReactNode } from 'react';

/** On a phone, a list's filters open from the bottom of the screen. */
export function FilterDrawer(props: { open: boolean; onClose: () => void; size?: string; children: ReactNode }) {
  return (
    <Drawer
      title="筛选"
      placement="bottom"
      open={props.open}
      onClose={props.onClose}
      size={props.size ?? '75%'}
      extra={<Button type="primary" onClick={props.onClose}>完成</Button>}
    >
      {props.children}
    </Drawer>
  );
}
