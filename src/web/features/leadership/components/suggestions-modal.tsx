// 识别: the campaign's tasks whose words ask leaders for activities (seed 000 附件1 rows 4–8), read
// as requirements; the office adds each (or all) after reading them: the words vary from plan to plan.
import { Alert, App, Button, Flex, List, Modal, Skeleton, Tag, Typography } from 'antd';
import type { TRequirementSuggestion } from '../../../../contract/leadership.ts';
import { ACTIVITY_KIND_LABELS, LEADER_POST_LABELS } from '../../../../domain/supervision/leadership.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useRequirementSuggestions, useSaveRequirement } from '../api/leadership.ts';

const bodyOf = (s: TRequirementSuggestion) => ({ label: s.label, posts: s.posts, kinds: s.kinds, frequencyText: s.frequencyText, taskId: s.taskId });

export function SuggestionsModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const q = useRequirementSuggestions(campaignId, true);
  const save = useSaveRequirement(campaignId);
  const { message } = App.useApp();
  const fresh = (q.data?.items ?? []).filter((s) => !s.existingRequirementId);
  const addAll = async () => {
    try {
      for (const s of fresh) await save.mutateAsync({ body: bodyOf(s) });
      void message.success(`已添加 ${fresh.length} 项`);
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Modal open title="从工作清单识别频次要求" onCancel={onClose} width={760} footer={
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>关闭</Button>
        <Button type="primary" disabled={fresh.length === 0} loading={save.isPending} onClick={() => void addAll()} data-testid="suggestions-add-all">全部添加（{fresh.length}）</Button>
      </Flex>
    }>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="以下要求由任务原文识别，请核对职务、活动类型和频次后添加。" />
      {!q.data ? <Skeleton active /> : (
        <List
          dataSource={q.data.items}
          locale={{ emptyText: '工作清单中没有识别到对领导活动的频次要求' }}
          data-testid="suggestions-list"
          renderItem={(s) => (
            <List.Item actions={[s.existingRequirementId
              ? <Tag key="done" color="success">已添加</Tag>
              : <Button key="add" size="small" loading={save.isPending} onClick={() => save.mutate({ body: bodyOf(s) }, { onError: (e) => void message.error(errorMessage(e)) })}>添加</Button>]}>
              <Flex vertical gap={4}>
                <Typography.Text>{s.taskNumber ? `${s.taskNumber}. ` : ''}{s.taskRequirement}</Typography.Text>
                <Flex gap={4} wrap>
                  {s.posts.map((p) => <Tag key={p} color="blue">{LEADER_POST_LABELS[p]}</Tag>)}
                  {s.kinds.map((k) => <Tag key={k}>{ACTIVITY_KIND_LABELS[k]}</Tag>)}
                  <Tag color="purple">{s.frequencyText}</Tag>
                  <Typography.Text type="secondary">时限：{s.deadlineText}</Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
