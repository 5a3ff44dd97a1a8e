import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * A page's code failed to download: the network dropped, or the system was updated since this tab
 * loaded and the old file names are gone (the server answers 404 for them). A reload fixes both.
 * Browsers word it differently: Chromium "Failed to fetch dynamically imported module", Firefox
 * "error loading dynamically imported module", Safari "Importing a module script failed"; Vite's
 * own preload helper "Unable to preload CSS".
 */
const CODE_LOAD_FAILED = /dynamically imported module|Importing a module script failed|Unable to preload/i;

/**
 * Laid out like antd's Result, without antd: this is part of the first page's bundle, which has no
 * antd (and it must show when antd's own code is what failed to load).
 */
function Problem({ kind, title, text, action }: { kind: 'warning' | 'error'; title: string; text?: string; action: ReactNode }) {
  return (
    <div className="route-problem" role="alert">
      {kind === 'warning' ? <ExclamationCircleFilled className="route-problem-icon warning" /> : <CloseCircleFilled className="route-problem-icon error" />}
      <div className="route-problem-title">{title}</div>
      {text && <div className="text-muted">{text}</div>}
      <div className="route-problem-action">{action}</div>
    </div>
  );
}

/** Last line of defence: a render error shows this instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Problem kind="warning" title="页面不存在" action={<a className="plain-button" href="/">返回首页</a>} />;
  }
  const reload = <button type="button" className="plain-button primary" onClick={() => window.location.reload()}>刷新页面</button>;
  if (error instanceof Error && CODE_LOAD_FAILED.test(error.message)) {
    return <Problem kind="warning" title="页面加载失败" text="网络可能中断，或系统刚刚更新。请刷新页面后继续。" action={reload} />;
  }
  console.error(error);
  return <Problem kind="error" title="页面出错了" text="请刷新页面重试；如果问题持续出现，请联系管理员。" action={reload} />;
}
