import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../lib/api.ts';

/** A failed load shown in place of the content: 404 and 403 get their own pages. */
export function ErrorDisplay({ error, onRetry, backTo }: { error: unknown; onRetry?: () => void; backTo?: string }) {
  if (isApiError(error, 'NOT_FOUND')) {
    return (
      <Result
        status="404"
        title="不存在或无权查看"
        subTitle={error.message !== '接口不存在' ? error.message : undefined}
        extra={<Link to={backTo ?? '/'}>返回</Link>}
      />
    );
  }
  if (isApiError(error, 'FORBIDDEN')) {
    return <Result status="403" title="无权访问" subTitle={error.message} extra={<Link to="/">返回首页</Link>} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

/** Inline error for a failed action (not a failed page load). */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(error)} closable={onClose ? { onClose } : false} />;
}
