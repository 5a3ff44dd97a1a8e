// 记录双报告: a discovery or rectification report to the department or the government (the grid
// cell that was clicked presets both).
import { AutoComplete, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { REPORT_KINDS, REPORT_RECIPIENTS } from '../../../../../contract/hazards.ts';
import { useIsMobile } from '../../../../components/use-is-mobile.ts';
import { dayjs } from '../../../../lib/format.ts';
import { REPORT_KIND_LABELS, REPORT_RECIPIENT_LABELS } from '../labels.ts';
import type { HazardActionForm } from './types.ts';

const REPORT_METHODS = ['书面报告', '电话报告', '系统报送', '当面报告', '传真'];

interface Values {
  kind?: (typeof REPORT_KINDS)[number]; recipient?: (typeof REPORT_RECIPIENTS)[number]; reportedAt?: Dayjs | null;
  reportedBy?: string; reportedTo?: string; method?: string;
}

function DualReportFields() {
  const readOnlyDates = useIsMobile();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name="kind" label="报告类型" required>
          <Radio.Group optionType="button" options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="recipient" label="报告对象" required>
          <Radio.Group optionType="button" options={REPORT_RECIPIENTS.map((r) => ({ value: r, label: REPORT_RECIPIENT_LABELS[r] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="reportedAt" label="报告时间" required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={readOnlyDates} data-testid="hazard-action-date" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="method" label="报告方式" required>
          <AutoComplete options={REPORT_METHODS.map((m) => ({ value: m }))} maxLength={32} data-testid="hazard-action-method" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="reportedBy" label="报告人" required>
          <Input maxLength={32} data-testid="hazard-action-reported-by" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="reportedTo" label="接收单位/人" required>
          <Input maxLength={64} placeholder="如：镇应急办 王某" data-testid="hazard-action-reported-to" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const recordDualReport: HazardActionForm<'record_dual_report', Values> = {
  Fields: DualReportFields,
  initialValues: (_h, { me, preset }) => ({
    kind: preset.kind ?? 'discovery', recipient: preset.recipient ?? 'department', reportedAt: dayjs(), reportedBy: me.displayName, method: '书面报告',
  }),
  body: (v, h) => ({
    action: 'record_dual_report', version: h.version, kind: v.kind as (typeof REPORT_KINDS)[number],
    recipient: v.recipient as (typeof REPORT_RECIPIENTS)[number], reportedAt: v.reportedAt ? v.reportedAt.toISOString() : '',
    reportedBy: v.reportedBy ?? '', reportedTo: v.reportedTo ?? '', method: v.method ?? '',
  }),
};
