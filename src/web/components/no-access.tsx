import { Result } from 'antd';
import { Link } from 'react-router';

/** A page the signed-in role may not use (the server would refuse it too). */
export function NoAccess({ text }: { text?: string }) {
  return <Result status="403" title="无权访问" subTitle={text ?? '您的角色不能使用此功能'} extra={<Link to="/">返回首页</Link>} />;
}
