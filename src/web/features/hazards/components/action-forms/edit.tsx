// 修改隐患信息: description, location, sector, category, level (fixed once rectification or
// acceptance began) and the major hazard's criterion; only what changed is sent.
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { HAZARD_LEVELS, HAZARD_LEVEL_LABELS, canChangeHazardLevel } from '../../../../../domain/hazards/hazard-machine.ts';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import { useSectors } from '../../../../reference-data/list-sectors.ts';
import type { HazardActionBody, HazardDetailData } from '../../api/keys.ts';
import type { HazardActionForm } from './types.ts';

interface Values { description?: string; location?: string; sectorId?: string; category?: string; level?: string; criterion?: string }

function EditFields({ record: h, form }: ActionFieldsProps<HazardDetailData>) {
  const sectors = useSectors({});
  const level = Form.useWatch('level', form) as string | undefined;
  // The same rule the server applies (domain): the level is fixed once rectification or acceptance began.
  const levelLocked = !canChangeHazardLevel({ status: h.status, accepted: h.acceptedAt !== null });
  const sectorOptions = (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (!sectorOptions.some((o) => o.value === h.sectorId)) sectorOptions.unshift({ value: h.sectorId, label: h.sectorName });
  return (
    <>
      <Form.Item name="description" label="隐患描述" required>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="hazard-action-description" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="location" label="隐患部位" required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sectorId" label="行业领域" required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={sectorOptions} loading={sectors.isLoading} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label="隐患类别">
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="level" label="隐患等级" required extra={levelLocked ? '整改开始或方案审核后不能再改等级' : undefined}>
            <Radio.Group optionType="button" disabled={levelLocked} options={HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] }))} />
          </Form.Item>
        </Col>
      </Row>
      {level === 'major' && (
        <Form.Item name="criterion" label="判定依据" required rules={[{ required: true, whitespace: true, message: '重大隐患须填写判定依据' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}

type EditBody = Extract<HazardActionBody, { action: 'edit' }>;

export const edit: HazardActionForm<'edit', Values> = {
  Fields: EditFields,
  initialValues: (h) => ({
    description: h.description, location: h.location, sectorId: h.sectorId, category: h.category ?? '', level: h.level, criterion: h.criterion ?? '',
  }),
  // Only what changed, so the history shows what was corrected.
  body: (v, h) => {
    const changed: Record<string, unknown> = {};
    const put = (key: keyof Values, next: unknown, prev: unknown) => {
      if ((next ?? '') !== (prev ?? '')) changed[key] = next;
    };
    put('description', v.description, h.description);
    put('location', v.location, h.location);
    put('sectorId', v.sectorId, h.sectorId);
    put('category', v.category || null, h.category);
    put('level', v.level, h.level);
    put('criterion', v.level === 'major' ? v.criterion || null : null, h.criterion);
    if (Object.keys(changed).length === 0) return null;
    return { action: 'edit', version: h.version, ...changed } as EditBody;
  },
  extraErrors: (b) => (b.sectorId === '' ? { sectorId: ['请选择行业领域'] } : null),
};
