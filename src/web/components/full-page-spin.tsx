import { Spin } from 'antd';

/** What a page shows while its code or its first data is on the way. */
export function FullPageSpin() {
  return (
    <div className="full-page-spin" role="status">
      <Spin size="large" />
      <span className="text-muted">正在加载…</span>
    </div>
  );
}
