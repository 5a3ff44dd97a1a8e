import type { ReactNode } from 'react';
import './auth.css';

/**
 * The centred card of the pages shown outside the main layout: plain elements styled like antd's
 * Card and Typography (auth.css), since the login page, everyone's first, uses no antd.
 */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-box">
        <div className="auth-brand">
          <span className="brand-mark brand-mark-lg">安</span>
          <h1 className="auth-brand-name">安治</h1>
          <div className="text-muted">安全生产隐患排查整治工作平台</div>
        </div>
        <section className="auth-card">
          <h2 className="auth-card-title">{title}</h2>
          <div className="auth-card-body">{children}</div>
        </section>
      </div>
    </div>
  );
}
