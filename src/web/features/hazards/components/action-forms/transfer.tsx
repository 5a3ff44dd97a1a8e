// 移送: to a department the server offers (transferTargets), with the reason.
import { Form, Select, Typography } from 'antd';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import { useCurrentUser } from '../../../../lib/auth.ts';
import type { HazardDetailData } from '../../api/keys.ts';
import { ReasonField } from './reason.tsx';
import type { HazardActionForm } from './types.ts';

interface Values { toUnitId?: string; reason?: string }

function TransferFields({ record: h }: ActionFieldsProps<HazardDetailData>) {
  const me = useCurrentUser();
  // The server says where this hazard may go (a village's township departments, or the district's).
  const options = h.transferTargets.map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        移送后由接收单位负责监管，接收前仍由{h.responsibleUnitName}负责；全部移送经过均保留。
      </Typography.Paragraph>
      <Form.Item name="toUnitId" label="接收单位" required>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={me.unit.kind === 'village' ? '选择本镇科室/站所' : me.unit.kind === 'department' ? '选择区级部门' : '选择科室/站所/部门'}
          options={options}
          notFoundContent="没有可移送的部门"
          data-testid="hazard-action-unit"
        />
      </Form.Item>
      <ReasonField label="移送原因" placeholder="如：属于燃气行业监管范围" />
    </>
  );
}

export const transfer: HazardActionForm<'transfer', Values> = {
  Fields: TransferFields,
  body: (v, h) => ({ action: 'transfer', version: h.version, toUnitId: v.toUnitId ?? '', reason: v.reason ?? '' }),
  extraErrors: (b) => (b.toUnitId ? null : { toUnitId: ['请选择接收单位'] }),
};
