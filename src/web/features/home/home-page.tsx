import {
  ApartmentOutlined, AuditOutlined, BankOutlined, BookOutlined, DashboardOutlined, LockOutlined, ShopOutlined, TagsOutlined,
  TeamOutlined, WarningOutlined,
} from '@ant-design/icons';
import { FileSearchOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../../../domain/roles.ts';
import { paths } from '../../app/paths.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { CRITERIA_EDITOR_ROLES, roleMay } from '../../lib/role-access.ts';

interface Shortcut {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

export function HomePage() {
  const me = useCurrentUser();
  const shortcuts: Shortcut[] = [];
  if (me.role === 'office' || me.role === 'leader' || me.role === 'admin') {
    shortcuts.push({ to: paths.dashboard, icon: <DashboardOutlined />, title: '看板', text: '隐患发现、整改、销号和逾期情况，按村/社区和行业领域统计' });
  }
  if (me.role === 'enterprise') {
    if (me.enterpriseId) {
      shortcuts.push({ to: paths.enterprises.detail(me.enterpriseId), icon: <ShopOutlined />, title: '本单位信息', text: '查看本单位登记信息，更新联系人和从业人数' });
    }
    shortcuts.push({ to: paths.hazards.list, icon: <WarningOutlined />, title: '本单位隐患', text: '自查发现的隐患和监管部门交办的隐患：提交整改方案、报告整改完成' });
  } else {
    shortcuts.push({ to: paths.hazards.list, icon: <WarningOutlined />, title: '隐患台账', text: '隐患报告、整改、验收销号的全过程；逾期、挂牌督办、移送一目了然' });
    shortcuts.push({ to: paths.enterprises.list, icon: <BankOutlined />, title: '生产经营单位', text: '查询、筛选和导出辖区内的生产经营单位；有权限时可新增和导入' });
  }
  shortcuts.push({
    to: paths.inspections.list,
    icon: <FileSearchOutlined />,
    title: '检查记录',
    text: me.role === 'enterprise'
      ? '监管部门对本单位的检查和本单位的日周月自查，可下载现场检查记录'
      : '在手机上逐项填写检查表，不符合项签名后直接生成隐患；可下载现场检查记录',
  });
  if (me.role === 'admin') {
    shortcuts.push(
      { to: paths.admin.units, icon: <ApartmentOutlined />, title: '组织机构', text: '镇、村/社区和科室站所' },
      { to: paths.admin.sectors, icon: <TagsOutlined />, title: '行业领域', text: '维护行业领域清单和顺序' },
      { to: paths.admin.users, icon: <TeamOutlined />, title: '用户管理', text: '账号、角色、重置密码和解锁' },
    );
  }
  if (roleMay(me.role, CRITERIA_EDITOR_ROLES)) {
    shortcuts.push({ to: paths.admin.criteria, icon: <BookOutlined />, title: '判定依据', text: '报告重大隐患时可选的标准名称及条款' });
  }
  if (me.role === 'admin' || me.role === 'office') {
    shortcuts.push({ to: paths.audit, icon: <AuditOutlined />, title: '审计日志', text: '谁在何时做了什么' });
  }
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
