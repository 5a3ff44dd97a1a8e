import { paths } from '../../app/paths.ts';
import { ImportWizard, defaultImportStats } from '../../components/import-wizard.tsx';
import { useCommitImport } from './api/commit-import.ts';
import { useDownloadImportRejects } from './api/download-import-rejects.ts';
import { useDownloadImportTemplate } from './api/download-import-template.ts';
import { listImportErrors } from './api/list-import-errors.ts';
import { usePreviewImport, useRemapImport } from './api/preview-import.ts';
import { enterpriseListUrl } from './components/last-list-url.ts';

export function EnterpriseImportPage() {
  const template = useDownloadImportTemplate();
  const previewer = usePreviewImport();
  const remapper = useRemapImport();
  const committer = useCommitImport();
  const rejects = useDownloadImportRejects();
  return (
    <ImportWizard
      title="导入生产经营单位"
      backTo={enterpriseListUrl()}
      intro="可按模板填写，也可直接上传市场监管部门导出的登记信息或本镇原有的台账（如“企业名称、法定代表人、住所、登记状态”或“单位名称、负责人、联系电话”），系统按列名自动对应，未识别的列和取值可在检查结果中指定，并为本区记住。上传后系统逐行检查，确认后才会写入；统一社会信用代码已存在的单位将被更新。一次最多10万行。"
      template={template}
      previewer={previewer}
      remapper={remapper}
      errorsPage={listImportErrors}
      committer={committer}
      rejects={rejects}
      rejectsText="下载有误的行（含错误原因）"
      stats={(p) => defaultImportStats(p, { split: true })}
      resultText={(r) => `新增 ${r.created} 个，更新 ${r.updated} 个，跳过 ${r.skipped} 行${r.deregistered ? `（另有 ${r.deregistered} 行已注销或迁出的企业未导入）` : ''}`}
      done={{ to: paths.enterprises.list, text: '查看单位列表' }}
    />
  );
}
