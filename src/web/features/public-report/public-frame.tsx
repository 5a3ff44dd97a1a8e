// What the public's pages stand in: antd's providers like the signed-in pages, no session, no menu;
// a plain header with the product's purpose and a link between reporting and following a report.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import '../../lib/format.ts';
import { paths } from '../../app/paths.ts';
import { deviceTheme } from '../../app/theme.ts';
import './public-report.css';

export function PublicFrame({ title, children, here }: { title: string; children: ReactNode; here: 'form' | 'track' }) {
  return (
    <ConfigProvider locale={zhCN} theme={deviceTheme}>
      <AntApp>
        <div className="public-page">
          <header className="public-header">
            <h1>{title}</h1>
            <nav>
              {here === 'form' ? <Link to={paths.publicReport.track}>查询办理进展</Link> : <Link to={paths.publicReport.form()}>我要举报</Link>}
            </nav>
          </header>
          <main className="public-main">{children}</main>
          <footer className="public-footer">也可拨打全国安全生产举报电话 12350</footer>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
