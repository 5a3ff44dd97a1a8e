// 设立或修改督导工作组: name, the campaign served, 组长 and 成员 (each with a title and, when the
// person uses the system, the account: accounts are the group's members and record its visits),
// and the departments and villages it checks.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { GroupCreate, type TGroupPerson } from '../../../../contract/supervision.ts';
import { errorMessage } from '../../../lib/api.ts';
import { type GroupData, useGroupOptions, usePeople, useSaveGroup } from '../api/supervision.ts';

type Person = TGroupPerson & { key: number; userName?: string | null };
let seq = 0;

function AccountSelect({ value, label, groupId, onChange }: { value: string | null; label: string | null | undefined; groupId?: string; onChange: (id: string | null, name: string | null) => void }) {
  const [q, setQ] = useState('');
  const people = usePeople(q, groupId);
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）`, name: p.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: label ?? '已选账号', name: label ?? '' });
  return (
    <Select aria-label="系统账号" allowClear showSearch={{ filterOption: false, onSearch: setQ }} value={value} placeholder="系统账号（可不选）" style={{ minWidth: 180, flex: 1 }} options={options}
      onChange={(id: string | undefined) => onChange(id ?? null, options.find((o) => o.value === id)?.name ?? null)} />
  );
}

export function GroupFormModal({ group, open, onClose }: { group: GroupData | null; open: boolean; onClose: () => void }) {
  const opts = useGroupOptions(open, group?.id);
  const save = useSaveGroup();
  const { message } = App.useApp();
  const [name, setName] = useState(group?.name ?? '');
  const [campaignId, setCampaignId] = useState<string | null>(group?.campaign?.id ?? null);
  const [unitIds, setUnitIds] = useState<string[]>(group?.units.map((u) => u.id) ?? []);
  const [active, setActive] = useState(group?.active ?? true);
  const [people, setPeople] = useState<Person[]>(group ? group.people.map((p) => ({ ...p, key: ++seq })) : [{ key: ++seq, role: 'leader', name: '', title: '', userId: null }]);
  const [error, setError] = useState<string | null>(null);
  const set = (key: number, patch: Partial<Person>) => setPeople(people.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const submit = async () => {
    const body = { name, campaignId, unitIds, people: people.map(({ role, name: n, title, userId }) => ({ role, name: n, title, userId })) };
    const parsed = GroupCreate.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    try {
      await save.mutateAsync(group ? { id: group.id, body: { ...body, active, version: group.version } } : { body });
      void message.success(group ? '已保存' : `已设立${name}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal title={group ? `修改 ${group.name}` : '设立督导工作组'} open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={save.isPending} width={720} destroyOnHidden>
      <Form layout="vertical" data-testid="group-form">
        <Form.Item label="名称" required><Input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} placeholder="如：第一督导工作组" data-testid="group-name" /></Form.Item>
        <Form.Item label="服务的专项行动">
          <Select aria-label="服务的专项行动" allowClear value={campaignId} onChange={(v: string | undefined) => setCampaignId(v ?? null)} placeholder="可不选" options={(opts.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item label="组长和成员" required>
          <Flex vertical gap={8}>
            {people.map((p) => (
              <Flex key={p.key} gap={6} wrap align="center">
                <Select aria-label="组长或成员" value={p.role} onChange={(role) => set(p.key, { role })} style={{ width: 76 }} options={[{ value: 'leader', label: '组长' }, { value: 'member', label: '成员' }]} />
                <Input value={p.name} onChange={(e) => set(p.key, { name: e.target.value })} placeholder="姓名" maxLength={32} style={{ width: 110 }} />
                <Input value={p.title} onChange={(e) => set(p.key, { title: e.target.value })} placeholder="职务" maxLength={32} style={{ width: 130 }} />
                <AccountSelect value={p.userId} label={p.userName} groupId={group?.id} onChange={(userId, userName) => set(p.key, { userId, userName, name: p.name || userName || '' })} />
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => setPeople(people.filter((x) => x.key !== p.key))} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => setPeople([...people, { key: ++seq, role: 'member', name: '', title: '', userId: null }])}>添加人员</Button>
          </Flex>
        </Form.Item>
        <Form.Item label="督导的科室和村（社区）" extra="选了系统账号的组长、成员可登记对这些单位的督导检查，并看到这些单位的隐患和问题">
          <Select aria-label="督导的科室和村（社区）" mode="multiple" value={unitIds} onChange={setUnitIds} optionFilterProp="label" placeholder="选择单位" data-testid="group-units"
            options={(opts.data?.units ?? []).map((u) => ({ value: u.id, label: `${u.name}${u.kind === 'department' ? '（科室）' : ''}` }))} />
        </Form.Item>
        {group && <Form.Item label="在岗"><Switch checked={active} onChange={setActive} /> <span className="text-muted">撤销后保留督导记录，成员不再能登记</span></Form.Item>}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
