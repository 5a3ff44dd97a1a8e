// One checklist item on the fill page: what to check and how, the answer, the comment, photos
// and, for 不符合, the hazard it will become.
import { Card, Flex, Form, Input, Tag, Typography } from 'antd';
import type { TChecklistItem } from '../../../../contract/checklists.ts';
import { type ConformityResult, answerLabelsOf, itemQuestion } from '../../../../domain/checklists/checklist.ts';
import { FileUploader } from '../../../components/file-uploader.tsx';
import { ConformityButtons, NumberAnswer, TextAnswer } from './answer-controls.tsx';
import {
  type HazardDefaults, type LocalAnswer, checkHazard, describeHazard, hazardWithDefaults, prefilledHazard,
} from './answer-state.ts';
import { HazardDraftForm } from './hazard-draft-form.tsx';
import { CheckMethodTags } from './inspection-tags.tsx';

export interface ItemStepProps {
  item: TChecklistItem & { groupTitle: string };
  index: number;
  total: number;
  value: LocalAnswer;
  /** Applied to the latest answer: an upload that finishes later must not undo what was typed meanwhile. */
  onChange: (update: (prev: LocalAnswer) => LocalAnswer) => void;
  defaults: HazardDefaults;
  ownSectorIds: readonly string[];
  onBusyChange: (busy: boolean) => void;
  /** Messages the server gives for this item (completion problems). */
  problems: string[];
}

export function ItemStep({ item, index, total, value, onChange, defaults, ownSectorIds, onBusyChange, problems }: ItemStepProps) {
  const set = (patch: Partial<LocalAnswer>) => onChange((prev) => ({ ...prev, ...patch }));

  const onResult = (result: ConformityResult) =>
    onChange((prev) => ({
      ...prev,
      result,
      // A failed item brings its hazard, pre-filled; another answer keeps it aside in case of a change of mind.
      hazard: result === 'nonconform' && !prev.hazard ? prefilledHazard(item, prev.comment, defaults) : prev.hazard,
    }));
  const onComment = (comment: string) =>
    onChange((prev) => {
      const h = prev.hazard;
      return { ...prev, comment, hazard: h && h.autoDescription ? { ...h, description: describeHazard(item, comment) } : h };
    });

  const failed = value.result === 'nonconform';
  const hazard = failed && value.hazard ? hazardWithDefaults(value.hazard, defaults) : null;
  const hazardCheck = hazard ? checkHazard(hazard) : null;
  const commentMissing = failed && value.comment.trim() === '';

  return (
    <Flex vertical gap={12} data-testid="inspection-item" data-item-key={item.key}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{item.groupTitle}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }} className="nowrap">第 {index + 1}/{total} 项</Tag>
        </Flex>
        <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 8 }} data-testid="inspection-item-content">
          {itemQuestion(item)}
        </Typography.Paragraph>
        {(item.howToCheck || item.checkMethods.length > 0) && (
          <div style={{ marginBottom: 8 }}>
            <Flex gap={6} align="center" wrap style={{ marginBottom: 4 }}>
              <Typography.Text type="secondary">排查要点及方式</Typography.Text>
              <CheckMethodTags methods={item.checkMethods} />
            </Flex>
            {item.howToCheck && <div className="record-text pre-wrap">{item.howToCheck}</div>}
          </div>
        )}
        {item.requirement && (
          <div>
            <Typography.Text type="secondary">要求</Typography.Text>
            <div className="record-text pre-wrap">{item.requirement}</div>
          </div>
        )}
      </Card>

      <Card size="small" title="检查结果">
        <Form layout="vertical" component="div">
          {item.responseType === 'conformity' && (
            <Form.Item style={{ marginBottom: 12 }}>
              <ConformityButtons value={value.result} onChange={onResult} labels={answerLabelsOf(item)} />
            </Form.Item>
          )}
          {item.responseType === 'number' && (
            <Form.Item label="数值" required style={{ marginBottom: 12 }}>
              <NumberAnswer value={value.number} unit={item.unit} onChange={(number) => set({ number })} />
            </Form.Item>
          )}
          {item.responseType === 'text' && (
            <Form.Item label="检查情况" required style={{ marginBottom: 12 }}>
              <TextAnswer value={value.text} onChange={(text) => set({ text })} />
            </Form.Item>
          )}
          <Form.Item
            label={failed ? '情况说明（发现问题须填写）' : '情况说明'}
            required={failed}
            validateStatus={commentMissing ? 'warning' : undefined}
            help={commentMissing ? '发现问题（不符合）的检查项须写明发现的问题' : undefined}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea
              rows={2}
              maxLength={2000}
              value={value.comment}
              placeholder={failed ? '写明发现的问题，如：未见动火作业审批记录' : '可不填'}
              onChange={(e) => onComment(e.target.value)}
              data-testid="inspection-comment"
            />
          </Form.Item>
          <Form.Item
            label={item.responseType === 'photo' || item.photoRequired ? '现场照片（须上传）' : '现场照片'}
            required={item.responseType === 'photo' || item.photoRequired}
            extra="拍下检查现场，每张选好后立即上传"
            style={{ marginBottom: 0 }}
          >
            {/* Keyed by item: an upload in flight belongs to the item it was started on. */}
            <FileUploader
              key={item.key}
              value={value.photos}
              onChange={(photos) => set({ photos })}
              onBusyChange={onBusyChange}
              purpose="inspection"
              max={9}
              inputTestId="inspection-photo-input"
            />
          </Form.Item>
        </Form>
        {problems.length > 0 && (
          <Typography.Text type="warning" style={{ display: 'block', marginTop: 8 }} data-testid="inspection-item-problems">
            {problems.join('；')}
          </Typography.Text>
        )}
      </Card>

      {hazard && (
        <HazardDraftForm
          value={hazard}
          onChange={(h) => set({ hazard: h })}
          errors={hazardCheck && !hazardCheck.ok ? hazardCheck.errors : {}}
          ownSectorIds={ownSectorIds}
        />
      )}
    </Flex>
  );
}
