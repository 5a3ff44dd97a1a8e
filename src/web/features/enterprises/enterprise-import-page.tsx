import { paths } from '../../app/paths.ts';
import { ImportWizard, defaultImportStats } from '../../components/import-wizard.tsx';
import { useCommitImport } from './api/commit-import.ts';
import { useDownloadImportRejects } from './api/download-import-rejects.ts';
import { useDownloadImportTemplate } from './api/download-import-template.ts';
import { usePreviewImport } from './api/preview-import.ts';
import { enterpriseListUrl } from './components/last-list-url.ts';

export function EnterpriseImportPage() {
  const template = useDownloadImportTemplate();
  const previewer = usePreviewImport();
  const committer = useCommitImport();
  const rejects = useDownloadImportRejects();
  return (
    <ImportWizard
      title="导入生产经营单位"
      backTo={enterpriseListUrl()}
      intro="请先下载模板，按模板填写后上传。上传后系统会逐行检查，确认后才会写入；统一社会信用代码已存在的单位将被更新。"
      template={template}
      previewer={previewer}
      committer={committer}
      rejects={rejects}
      rejectsText="下载有误的行（含错误原因）"
      stats={(p) => defaultImportStats(p, { split: true })}
      resultText={(r) => `新增 ${r.created} 个，更新 ${r.updated} 个，跳过 ${r.skipped} 行`}
      done={{ to: paths.enterprises.list, text: '查看单位列表' }}
    />
  );
}
