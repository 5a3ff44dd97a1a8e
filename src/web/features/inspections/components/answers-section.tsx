// A record's answers as read back: by group, each item with its answer, comment, photos and the
// hazard it became (or, in a draft, the hazard it will become).
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { answerLabelsOf, itemQuestion } from '../../../../domain/checklists/checklist.ts';
import { HAZARD_LEVEL_LABELS } from '../../../../domain/hazards/hazard-machine.ts';
import { paths } from '../../../app/paths.ts';
import { HazardLevelTag, HazardStatusTag } from '../../../components/hazard-tags.tsx';
import { ItemNumber } from '../../../components/item-number.tsx';
import { FileGallery } from '../../../components/file-gallery.tsx';
import type { InspectionAnswerData, InspectionDetailData } from '../api/keys.ts';
import { CheckMethodTags, ConformityTag } from './inspection-tags.tsx';

type Item = InspectionDetailData['template']['groups'][number]['items'][number];

function AnswerValue({ item, a }: { item: Item; a: InspectionAnswerData | undefined }) {
  switch (item.responseType) {
    case 'conformity':
      return <ConformityTag result={a?.result ?? null} labels={answerLabelsOf(item)} />;
    case 'number':
      return a?.number != null ? <strong>{a.number}{item.unit ?? ''}</strong> : <Tag>未填写</Tag>;
    case 'text':
      return a?.text ? <span className="pre-wrap">{a.text}</span> : <Tag>未填写</Tag>;
    case 'photo':
      return (a?.photos.length ?? 0) > 0 ? null : <Tag>未上传照片</Tag>;
  }
}

/** The hazard an answer became, linked; in a draft, what it will become. */
export function AnswerHazard({ a }: { a: InspectionAnswerData }) {
  if (a.hazard) {
    return (
      <Space size={6} wrap>
        <span className="text-muted">生成隐患</span>
        <Link to={paths.hazards.detail(a.hazard.id)} className="mono" data-testid="inspection-hazard-link">{a.hazard.number}</Link>
        <HazardLevelTag level={a.hazard.level} short />
        <HazardStatusTag status={a.hazard.status} />
      </Space>
    );
  }
  if (a.result === 'nonconform' && a.hazardDraft) {
    return (
      <span className="text-muted">
        完成后生成{HAZARD_LEVEL_LABELS[a.hazardDraft.level]}：{a.hazardDraft.description}
      </span>
    );
  }
  return null;
}

export function AnswersSection({ d }: { d: InspectionDetailData }) {
  const byKey = new Map(d.answers.map((a) => [a.itemKey, a]));
  let n = 0;
  return (
    <>
      {d.template.groups.map((g, gi) => (
        <Card key={`${gi}:${g.title}`} size="small" title={g.title} className="detail-section" data-testid="inspection-answers">
          <Flex vertical gap={0}>
            {g.items.map((item) => {
              n += 1;
              const a = byKey.get(item.key);
              const failed = a?.result === 'nonconform';
              return (
                <div key={item.key} className="record-row" style={{ padding: '8px 0' }} data-testid="inspection-answer" data-item-key={item.key}>
                  <Flex justify="space-between" gap={8} align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <ItemNumber n={n} content={itemQuestion(item)} />
                      <Typography.Text type={failed ? 'danger' : undefined} strong={failed}>{itemQuestion(item)}</Typography.Text>
                      {item.checkMethods.length > 0 && (
                        <span style={{ marginInlineStart: 6 }}><CheckMethodTags methods={item.checkMethods} /></span>
                      )}
                    </div>
                    <div style={{ flexShrink: 0 }}><AnswerValue item={item} a={a} /></div>
                  </Flex>
                  {a?.comment && <div className="record-text pre-wrap">说明：{a.comment}</div>}
                  {a && a.photos.length > 0 && (
                    <div style={{ marginTop: 6 }}>
                      <FileGallery files={a.photos} size={64} />
                    </div>
                  )}
                  {a && (a.hazard || a.hazardDraft) && <div className="record-text" style={{ marginTop: 4 }}><AnswerHazard a={a} /></div>}
                </div>
              );
            })}
          </Flex>
        </Card>
      ))}
    </>
  );
}
