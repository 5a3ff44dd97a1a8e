// 申请延期: a later due date and why.
import { DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { shanghaiDay } from '../../../../../domain/common/dates.ts';
import { extensionDateRefusal } from '../../../../../domain/hazards/hazard-assignment.ts';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import { useIsMobile } from '../../../../components/use-is-mobile.ts';
import type { HazardDetailData } from '../../api/keys.ts';
import { ReasonField } from './reason.tsx';
import { type HazardActionForm, day } from './types.ts';

interface Values { newDueDate?: Dayjs | null; reason?: string }

function RequestExtensionFields({ record: h }: ActionFieldsProps<HazardDetailData>) {
  const readOnlyDates = useIsMobile();
  // The dates the server would refuse (the same domain rule, on the township's today) are not offered.
  const today = shanghaiDay(new Date());
  return (
    <>
      <Typography.Paragraph type="secondary">当前整改期限：{h.dueDate ?? '未设定'}</Typography.Paragraph>
      <Form.Item name="newDueDate" label="延期至" required>
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly={readOnlyDates}
          disabledDate={(d) => extensionDateRefusal(day(d), h.dueDate, today) !== null}
          data-testid="hazard-action-date"
        />
      </Form.Item>
      <ReasonField label="延期原因" />
    </>
  );
}

export const requestExtension: HazardActionForm<'request_extension', Values> = {
  Fields: RequestExtensionFields,
  body: (v, h) => ({ action: 'request_extension', version: h.version, newDueDate: day(v.newDueDate), reason: v.reason ?? '' }),
};
