/**
 * What a page shows while its code or its first data is on the way. Plain elements drawn like
 * antd's large Spin (styles.css, .page-spin): it is shown before antd has loaded.
 */
export function FullPageSpin() {
  return (
    <div className="full-page-spin" role="status">
      <span className="page-spin" aria-hidden>
        <i />
        <i />
        <i />
        <i />
      </span>
      <span className="text-muted">正在加载…</span>
    </div>
  );
}
