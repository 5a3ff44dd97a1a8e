// The words of a conformity item's three answers: one of the domain's presets (符合/不符合/不适用,
// 否/是/不适用 for a question that asks whether the violation is there, …) or three words of
// one's own. The stored results stay conform/nonconform/not_applicable whatever the words.
import { Flex, Input, Select, Space } from 'antd';
import { useState } from 'react';
import {
  ANSWER_LABEL_MAX, ANSWER_LABEL_PRESETS, ANSWER_LABEL_PRESET_NAMES, type AnswerLabelPreset, type AnswerLabels, CONFORMITY_RESULTS,
  CONFORMITY_RESULT_LABELS,
} from '../../../../domain/checklists/checklist.ts';

const PRESETS = Object.keys(ANSWER_LABEL_PRESETS) as AnswerLabelPreset[];
const CUSTOM = 'custom';

function presetOf(v: AnswerLabels | null | undefined): AnswerLabelPreset | null {
  const labels = v ?? CONFORMITY_RESULT_LABELS;
  return PRESETS.find((p) => CONFORMITY_RESULTS.every((r) => ANSWER_LABEL_PRESETS[p][r] === labels[r])) ?? null;
}

/** antd form control: the value is null for the standard words, so a template that keeps them stores nothing new. */
export function AnswerLabelsInput({ value, onChange }: { value?: AnswerLabels | null; onChange?: (v: AnswerLabels | null) => void }) {
  const preset = presetOf(value);
  const [custom, setCustom] = useState(preset === null);
  const choice = custom ? CUSTOM : (preset ?? CUSTOM);
  const pick = (p: string) => {
    if (p === CUSTOM) {
      setCustom(true);
      onChange?.({ ...(value ?? CONFORMITY_RESULT_LABELS) });
      return;
    }
    setCustom(false);
    onChange?.(p === 'conformity' ? null : { ...ANSWER_LABEL_PRESETS[p as AnswerLabelPreset] });
  };
  const words = value ?? CONFORMITY_RESULT_LABELS;
  return (
    <Flex vertical gap={6}>
      <Select
        value={choice}
        onChange={pick}
        options={[...PRESETS.map((p) => ({ value: p, label: ANSWER_LABEL_PRESET_NAMES[p] })), { value: CUSTOM, label: '自定义' }]}
        aria-label="回答用语"
        data-testid="item-answer-labels"
      />
      {choice === CUSTOM && (
        <Flex gap={6} wrap>
          {CONFORMITY_RESULTS.map((r) => (
            <Space.Compact key={r} style={{ width: 150 }}>
              <Space.Addon>{CONFORMITY_RESULT_LABELS[r]}</Space.Addon>
              <Input
                maxLength={ANSWER_LABEL_MAX}
                value={words[r]}
                onChange={(e) => onChange?.({ ...words, [r]: e.target.value })}
                aria-label={`“${CONFORMITY_RESULT_LABELS[r]}”显示为`}
                data-testid={`item-answer-label-${r}`}
              />
            </Space.Compact>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
