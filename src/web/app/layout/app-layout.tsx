import { LockOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { ROLE_LABELS } from '../../../domain/access/roles.ts';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCurrentUser, useLogout } from '../../lib/auth.ts';
import { paths } from '../paths.ts';
import { navEntriesFor, selectedKeyFor, toMenuItems } from './nav-items.tsx';

const { Header, Sider, Content } = Layout;

function Brand({ collapsed }: { collapsed?: boolean }) {
  return (
    <Flex align="center" gap={8} className="brand">
      <span className="brand-mark">安</span>
      {!collapsed && <span className="brand-name">安治</span>}
    </Flex>
  );
}

export function AppLayout() {
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  // A page's code is fetched the first time it is opened; meanwhile the current page stays.
  const pageLoading = useNavigation().state === 'loading';
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const entries = useMemo(() => navEntriesFor(me), [me]);
  const items = useMemo(() => toMenuItems(entries), [entries]);
  const selected = selectedKeyFor(entries, location.pathname);
  const defaultOpen = entries.filter((e) => e.children?.some((c) => c.key === selected)).map((e) => e.key);

  const logout = useLogout();

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    if (key.startsWith('/')) navigate(key);
  };

  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={defaultOpen}
      onClick={onMenuClick}
    />
  );

  const roleLabel = ROLE_LABELS[me.role];
  const userMenu: MenuProps = {
    items: [
      ...(isMobile
        ? [
            { key: 'who', label: <div className="user-menu-who"><div>{me.displayName}</div><Typography.Text type="secondary">{me.unit.name} · {roleLabel}</Typography.Text></div>, disabled: true },
            { type: 'divider' as const },
          ]
        : []),
      { key: 'password', icon: <LockOutlined />, label: '修改密码', 'data-testid': 'menu-change-password' },
      { key: 'security', icon: <SafetyOutlined />, label: '账号安全', 'data-testid': 'menu-account-security' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', 'data-testid': 'menu-logout' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate(paths.changePassword);
      if (key === 'security') navigate(paths.accountSecurity);
      if (key === 'logout') logout.mutate();
    },
  };

  return (
    <Layout className="app-layout">
      {!isMobile && (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          className="app-sider"
        >
          <Brand collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      {isMobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={240}
          closable={false}
          className="app-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="app-header">
          {pageLoading && <div className="route-progress" role="progressbar" aria-label="正在打开页面" />}
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {isMobile && (
              <>
                <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" data-testid="nav-toggle" onClick={() => setDrawerOpen(true)} />
                <span className="header-title">安治</span>
              </>
            )}
            {!isMobile && <span className="header-title">安全生产隐患排查整治</span>}
          </Flex>
          <Flex align="center" gap={4}>
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" className="user-button" data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf' }} />
              {isMobile ? (
                <span className="user-name">{me.displayName}</span>
              ) : (
                <span className="user-name">
                  {me.displayName}
                  <Typography.Text type="secondary" className="user-unit">
                    {me.unit.name} · {roleLabel}
                  </Typography.Text>
                </span>
              )}
            </Button>
          </Dropdown>
          </Flex>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
