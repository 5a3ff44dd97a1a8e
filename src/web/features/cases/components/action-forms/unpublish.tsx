// 撤回公布: no longer a 典型执法案例.
import { Alert } from 'antd';
import type { CaseActionForm } from './types.ts';

export const unpublish: CaseActionForm<'unpublish', object> = {
  Fields: () => <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="撤回后该案件不再作为典型执法案例统计" />,
  body: (_v, c) => ({ action: 'unpublish', version: c.version }),
  okText: '撤回',
  danger: true,
  width: 520,
};
