// 导入检查表: one workbook is one template. A new code becomes version 1; an existing code is
// published as its next version. The file is checked first; any problem blocks the import.
import { paths } from '../../app/paths.ts';
import { type ImportStat, ImportWizard } from '../../components/import-wizard.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { userCan } from '../../lib/abilities.ts';
import { useCommitChecklistImport } from './api/commit-import.ts';
import { useDownloadChecklistImportRejects } from './api/download-import-rejects.ts';
import { useDownloadChecklistImportTemplate } from './api/download-import-template.ts';
import { usePreviewChecklistImport } from './api/preview-import.ts';
import type { TChecklistImportPreview } from '../../../contract/checklists.ts';
import type { TImportPreview } from '../../../contract/enterprises.ts';

const INTRO =
  '一个文件为一张检查表：“检查表信息”表填写编码、名称、适用对象等，“检查项”表每行一项，列的顺序不限。' +
  '新编码新建检查表（第1版），已有编码发布为新版本（原版本保留）；可先在检查表详情页导出再修改。文件有错误时不会导入。';

function stats(p: TImportPreview): ImportStat[] {
  const c = p as TChecklistImportPreview;
  const badRows = c.rejectedRows;
  const out: ImportStat[] = [
    { title: '检查项', value: c.totalRows },
    { title: '有误的行', value: badRows, color: badRows ? '#cf1322' : undefined },
  ];
  if (c.diff) {
    out.push(
      { title: `第${c.diff.toVersion}版新增`, value: c.diff.added.length, color: '#389e0d' },
      { title: '删除', value: c.diff.removed.length },
      { title: '修改', value: c.diff.changed.length },
    );
  } else if (c.toCreate) {
    out.push({ title: '新建检查表（第1版）', value: 1, color: '#389e0d' });
  }
  return out;
}

export function ChecklistImportPage() {
  const me = useCurrentUser();
  const template = useDownloadChecklistImportTemplate();
  const previewer = usePreviewChecklistImport();
  const committer = useCommitChecklistImport();
  const rejects = useDownloadChecklistImportRejects();
  if (!userCan(me, 'manage:checklist')) return <NoAccess text="只有管理员和安委办可以导入检查表" />;
  return (
    <ImportWizard
      title="导入检查表"
      backTo={paths.checklists.list}
      intro={INTRO}
      template={template}
      previewer={previewer}
      committer={committer}
      rejects={rejects}
      rejectsText="下载标注了错误原因的文件"
      stats={stats}
      resultText={(r) => (r.created ? '已新建检查表（第1版）' : '已发布新版本，原版本保留')}
      done={{ to: paths.checklists.list, text: '查看检查表' }}
    />
  );
}
