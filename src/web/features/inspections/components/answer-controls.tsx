// The answer controls of one item, by its response type: three big buttons for 符合/不符合/不适用
// (in the item's own words, e.g. 否/是/不适用), a number with its unit, or a text.
import { CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { type AnswerLabels, CONFORMITY_RESULTS, CONFORMITY_RESULT_LABELS, type ConformityResult } from '../../../../domain/checklists/checklist.ts';

const ICONS: Record<ConformityResult, ReactNode> = {
  conform: <CheckOutlined />,
  nonconform: <CloseOutlined />,
  not_applicable: <MinusOutlined />,
};

export function ConformityButtons({ value, onChange, disabled, labels = CONFORMITY_RESULT_LABELS }: {
  value: ConformityResult | null;
  onChange: (v: ConformityResult) => void;
  disabled?: boolean;
  /** The item's words; the colours and icons stay with the result (green for conform, red for the finding). */
  labels?: AnswerLabels;
}) {
  return (
    <Flex gap={8} role="radiogroup" aria-label="检查结果">
      {CONFORMITY_RESULTS.map((r) => {
        const on = value === r;
        return (
          <Button
            key={r}
            size="large"
            role="radio"
            aria-checked={on}
            type={on ? 'primary' : 'default'}
            danger={r === 'nonconform'}
            icon={ICONS[r]}
            disabled={disabled}
            onClick={() => onChange(r)}
            style={{
              flex: 1,
              height: 56,
              fontSize: 16,
              ...(on && r === 'conform' ? { background: '#237804', borderColor: '#237804' } : {}),
              // White on #237804 and #595959 reads at 5.6:1 and 7:1 (antd's #389e0d and #8c8c8c gave 3.6:1 and 3.4:1).
              ...(on && r === 'not_applicable' ? { background: '#595959', borderColor: '#595959' } : {}),
            }}
            data-testid={`inspection-result-${r}`}
          >
            {labels[r]}
          </Button>
        );
      })}
    </Flex>
  );
}

export function NumberAnswer({ value, unit, onChange, disabled }: { value: string; unit: string | null; onChange: (v: string) => void; disabled?: boolean }) {
  const bad = value.trim() !== '' && !Number.isFinite(Number(value.trim()));
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 320 }}>
      <Input
        size="large"
        inputMode="decimal"
        value={value}
        status={bad ? 'error' : undefined}
        placeholder="填写数值"
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid="inspection-answer-number"
      />
      {unit && <Space.Addon>{unit}</Space.Addon>}
    </Space.Compact>
  );
}

export function TextAnswer({ value, onChange, disabled }: { value: string; onChange: (v: string) => void; disabled?: boolean }) {
  return (
    <Input.TextArea
      rows={3}
      maxLength={2000}
      showCount
      value={value}
      placeholder="填写检查情况"
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      data-testid="inspection-answer-text"
    />
  );
}
