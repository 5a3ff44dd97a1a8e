import { Alert, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type TUnit, type TUser, UserCreate, UserUpdate } from '../../../../contract/org.ts';
import { ROLES, ROLE_LABELS, ROLE_UNIT_KINDS, type Role, UNIT_KIND_LABELS } from '../../../../domain/access/roles.ts';
import { LEADER_POSTS, LEADER_POST_LABELS, type LeaderPost } from '../../../../domain/supervision/leadership.ts';
import { EnterpriseSelect } from '../../../components/enterprise-select.tsx';
import { formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { PASSWORD_POLICY_TEXT, passwordProblemText, passwordRule } from '../../../components/password-rule.ts';
import { useCreateUser } from '../api/create-user.ts';
import { useUpdateUser } from '../api/update-user.ts';

/** The roles whose accounts may hold a 领导职务 (the server refuses it for villages and enterprises). */
const POSTED_ROLES: readonly Role[] = ['leader', 'office', 'admin', 'department', 'supervision_group'];

export type UserModalState = { mode: 'create' } | { mode: 'edit'; user: TUser } | null;

interface Values {
  username?: string;
  displayName?: string;
  phone?: string | null;
  enforcementCertificateNo?: string | null;
  leaderPost?: LeaderPost | null;
  role?: Role;
  unitId?: string;
  enterpriseId?: string | null;
  password?: string;
  active?: boolean;
}

export function UserModal({ state, units, onClose }: { state: UserModalState; units: TUnit[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const unitId = Form.useWatch('unitId', form);
  const editing = state?.mode === 'edit' ? state.user : null;

  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    if (state.mode === 'edit') {
      const u = state.user;
      form.setFieldsValue({
        displayName: u.displayName, phone: u.phone ?? '', enforcementCertificateNo: u.enforcementCertificateNo ?? '', leaderPost: u.leaderPost, role: u.role, unitId: u.unitId, enterpriseId: u.enterpriseId, active: u.active,
      });
    } else {
      form.setFieldsValue({ active: true });
    }
  }, [state, form]);

  const unitOptions = useMemo(() => {
    const kinds = role ? ROLE_UNIT_KINDS[role] : [];
    const opts = units
      .filter((u) => u.active && kinds.includes(u.kind))
      .map((u) => ({ value: u.id, label: `${u.name}（${UNIT_KIND_LABELS[u.kind]}${u.parentName ? ` · ${u.parentName}` : ''}）` }));
    if (editing && editing.role === role && !opts.some((o) => o.value === editing.unitId)) {
      opts.unshift({ value: editing.unitId, label: editing.unitName });
    }
    return opts;
  }, [units, role, editing]);

  const onOk = () => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const enterpriseId = v.role === 'enterprise' ? (v.enterpriseId ?? null) : null;
    const leaderPost = v.role && POSTED_ROLES.includes(v.role) ? (v.leaderPost ?? null) : null;
    const onError = (e: unknown) => setError(formErrorMessage(form, e));
    if (editing) {
      const check = parseWithSchema(form, UserUpdate, {
        displayName: v.displayName, phone: v.phone ?? '', enforcementCertificateNo: v.enforcementCertificateNo ?? '', leaderPost, role: v.role, unitId: v.unitId,
        enterpriseId, active: v.active ?? true, version: editing.version,
      });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      update.mutate({ id: editing.id, body: check.data }, { onSuccess: onClose, onError });
    } else {
      const passwordProblem = passwordProblemText(v.password, { username: v.username, displayName: v.displayName });
      if (passwordProblem) {
        form.setFields([{ name: 'password', errors: [passwordProblem] }]);
        return;
      }
      const check = parseWithSchema(form, UserCreate, {
        username: v.username ?? '', displayName: v.displayName, phone: v.phone ?? '', enforcementCertificateNo: v.enforcementCertificateNo ?? '',
        leaderPost, role: v.role, unitId: v.unitId, enterpriseId, password: v.password ?? '',
      });
      if (!check.ok) return setError(check.unmatched.join('；') || null);
      create.mutate(check.data, { onSuccess: onClose, onError });
    }
  };

  const selectedUnit = units.find((u) => u.id === unitId);
  return (
    <Modal
      title={editing ? `编辑用户：${editing.displayName}` : '新增用户'}
      open={!!state}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: create.isPending || update.isPending, ...testId('user-save') }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {editing ? (
          <Form.Item label="用户名">
            <Typography.Text strong>{editing.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="username" label="用户名" required extra="3-32位字母、数字、下划线、点或连字符，用于登录">
            <Input maxLength={32} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" required>
          <Input maxLength={32} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="phone" label="手机号">
          <Input maxLength={20} inputMode="tel" data-testid="user-phone" />
        </Form.Item>
        {role !== 'enterprise' && (
          <Form.Item name="enforcementCertificateNo" label="行政执法证号" extra="持证人员填写；执法检查须两名持证人员">
            <Input maxLength={32} data-testid="user-certificate-no" />
          </Form.Item>
        )}
        <Form.Item name="role" label="角色" required>
          <Select
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={() => form.setFieldsValue({ unitId: undefined, enterpriseId: null })}
            data-testid="user-role"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="所在单位"
          required
          extra={role ? `${ROLE_LABELS[role]}须属于：${ROLE_UNIT_KINDS[role].map((k) => UNIT_KIND_LABELS[k]).join('、')}` : '请先选择角色'}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            disabled={!role}
            onChange={() => role === 'enterprise' && form.setFieldValue('enterpriseId', null)}
            data-testid="user-unit"
          />
        </Form.Item>
        {role && POSTED_ROLES.includes(role) && (
          <Form.Item name="leaderPost" label="领导职务" extra="专项行动对领导活动的频次要求按职务落到人（如党委主要负责人每3个月听取1次汇报）">
            <Select allowClear placeholder="无" options={LEADER_POSTS.map((p) => ({ value: p, label: LEADER_POST_LABELS[p] }))} data-testid="user-leader-post" />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item name="enterpriseId" label="对应的生产经营单位" required extra={selectedUnit ? `在「${selectedUnit.name}」范围内搜索` : undefined}>
            <EnterpriseSelect
              villageId={selectedUnit?.kind === 'village' ? selectedUnit.id : undefined}
              current={editing?.enterpriseId ? { id: editing.enterpriseId, name: editing.enterpriseName ?? '当前单位' } : null}
              testId="user-enterprise"
            />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="password"
            label="初始密码"
            required
            dependencies={['username', 'displayName']}
            rules={[passwordRule(() => ({ username: form.getFieldValue('username'), displayName: form.getFieldValue('displayName') }))]}
            extra={`${PASSWORD_POLICY_TEXT}。用户首次登录时须修改。`}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="active" label="账号状态" valuePropName="checked" extra="停用后该账号不能登录，记录保留">
            <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="user-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
