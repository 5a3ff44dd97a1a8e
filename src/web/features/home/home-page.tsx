import { LockOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../../../domain/access/roles.ts';
import { type NavEntry, navEntriesFor } from '../../app/layout/nav-items.tsx';
import { paths } from '../../app/paths.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';

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

export function HomePage() {
  const me = useCurrentUser();
  const shortcuts = shortcutsOf(navEntriesFor(me));
  shortcuts.push({ to: paths.changePassword, icon: <LockOutlined />, title: '修改密码', text: '定期更换密码，保护账号安全' });

  return (
    <PageContainer title={`您好，${me.displayName}`}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          data-testid="home-who"
          items={[
            { key: 'user', label: '账号', children: me.username },
            { key: 'role', label: '角色', children: ROLE_LABELS[me.role] },
            { key: 'unit', label: '所在单位', children: `${me.unit.name}（${UNIT_KIND_LABELS[me.unit.kind]}）` },
          ]}
        />
      </Card>
      <Typography.Title level={5}>常用功能</Typography.Title>
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
