// 工作台: every role starts at what awaits it (GET /api/workbench): an enterprise at today's
// self-inspection, everyone at their items with the 督办 lights, the leader and the office at the
// month's figures; the menu's shortcuts follow below.
import { LockOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../../../domain/access/roles.ts';
import { type NavEntry, navEntriesFor } from '../../app/layout/nav-items.tsx';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { TodayCard } from '../schedules/components/today-card.tsx';
import { useWorkbench } from '../workbench/api/get-workbench.ts';
import { FiguresCard } from '../workbench/components/figures-card.tsx';
import { WorkbenchList } from '../workbench/components/workbench-list.tsx';

interface Shortcut {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

/** The menu's entries that carry a sentence for the home page, in the menu's order. */
function shortcutsOf(entries: NavEntry[]): Shortcut[] {
  return entries.flatMap((e) => [
    ...(e.text ? [{ to: e.key, icon: e.icon, title: e.label, text: e.text }] : []),
    ...shortcutsOf(e.children ?? []),
  ]);
}

/** Who is signed in: an enterprise account by its enterprise, everyone else by unit and role. */
function WhoLine() {
  const me = useCurrentUser();
  const enterprise = useEnterprise(me.enterpriseId ?? undefined);
  const unit = me.enterpriseId ? (enterprise.data?.name ?? '') : `${me.unit.name}（${UNIT_KIND_LABELS[me.unit.kind]}）`;
  return (
    <Typography.Paragraph className="workbench-subtitle" data-testid="home-who" style={{ marginTop: -8 }}>
      {unit} · {ROLE_LABELS[me.role]} · 账号 {me.username}
    </Typography.Paragraph>
  );
}

export function HomePage() {
  const me = useCurrentUser();
  const workbench = useWorkbench();
  const shortcuts = shortcutsOf(navEntriesFor(me));
  shortcuts.push({ to: paths.changePassword, icon: <LockOutlined />, title: '修改密码', text: '定期更换密码，保护账号安全' });
  const data = workbench.data;

  return (
    <PageContainer title={`您好，${me.displayName}`}>
      <WhoLine />
      {me.enterpriseId && <TodayCard enterpriseId={me.enterpriseId} />}
      {workbench.isError && <ErrorAlert error={workbench.error} />}
      {/* A skeleton of the same height keeps the page from jumping when the items arrive. */}
      {!data && !workbench.isError && <Card size="small"><Skeleton active paragraph={{ rows: 4 }} /></Card>}
      {data?.figures && <FiguresCard figures={data.figures} today={data.today} />}
      {/* The enterprise's today card above starts its self-inspections in one tap. */}
      {data && <WorkbenchList data={data} skip={me.enterpriseId ? ['self_inspection_today'] : []} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>常用功能</Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.to} xs={24} sm={12} lg={8}>
            <Link to={s.to} className="card-link">
              <Card hoverable size="small" className="shortcut-card">
                <Card.Meta avatar={<span className="shortcut-icon">{s.icon}</span>} title={s.title} description={s.text} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </PageContainer>
  );
}
