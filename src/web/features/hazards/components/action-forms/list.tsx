// 挂牌督办: level, leader, date and document number.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { LISTING_LEVELS, LISTING_LEVEL_LABELS } from '../../../../../contract/hazards.ts';
import { useIsMobile } from '../../../../components/use-is-mobile.ts';
import { dayjs } from '../../../../lib/format.ts';
import { type HazardActionForm, day } from './types.ts';

interface Values { level?: (typeof LISTING_LEVELS)[number]; leaderName?: string; listedOn?: Dayjs | null; documentNo?: string }

function ListFields() {
  const readOnlyDates = useIsMobile();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name="level" label="督办级别" required>
          <Select options={LISTING_LEVELS.map((l) => ({ value: l, label: LISTING_LEVEL_LABELS[l] }))} data-testid="hazard-action-level" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="leaderName" label="督办领导" required>
          <Input maxLength={32} data-testid="hazard-action-leader" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="listedOn" label="挂牌日期" required>
          <DatePicker style={{ width: '100%' }} inputReadOnly={readOnlyDates} data-testid="hazard-action-date" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="documentNo" label="督办文号" required>
          <Input maxLength={64} placeholder="如：×安委办〔2024〕12号" data-testid="hazard-action-document-no" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const list: HazardActionForm<'list', Values> = {
  Fields: ListFields,
  initialValues: () => ({ level: 'township', listedOn: dayjs() }),
  body: (v, h) => ({
    action: 'list', version: h.version, level: v.level ?? 'township', leaderName: v.leaderName ?? '', listedOn: day(v.listedOn),
    documentNo: v.documentNo ?? '',
  }),
};
