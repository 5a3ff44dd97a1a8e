// Tags and texts of templates and items, from the domain's label maps.
import { Tag } from 'antd';
import {
  CHECK_METHOD_LABELS, CHECKLIST_AUDIENCE_LABELS, type CheckMethod, type ChecklistAudience,
} from '../../../../domain/checklists/checklist.ts';

const METHOD_COLORS: Record<CheckMethod, string> = { ask: 'blue', records: 'purple', look: 'cyan' };

/** 问 / 查 / 看 as small tags. */
export function MethodTags({ methods }: { methods: readonly CheckMethod[] }) {
  if (methods.length === 0) return null;
  return (
    <span className="checklist-methods">
      {methods.map((m) => (
        <Tag key={m} color={METHOD_COLORS[m]} style={{ marginInlineEnd: 4 }}>
          {CHECK_METHOD_LABELS[m]}
        </Tag>
      ))}
    </span>
  );
}

export function AudienceTag({ audience }: { audience: ChecklistAudience }) {
  return <Tag style={{ marginInlineEnd: 0 }}>{CHECKLIST_AUDIENCE_LABELS[audience]}</Tag>;
}

export function VersionTag({ version }: { version: number }) {
  return <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>第{version}版</Tag>;
}
