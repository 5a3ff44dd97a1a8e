// 导入历史隐患台账: the township's existing ledger (Excel) into the system, checked row by row
// before anything is written. Each imported row becomes a hazard with a new number; its
// 五落实 plan, 双报告 and close-out come along, and the timeline notes the original number.
import { paths } from '../../app/paths.ts';
import { ImportWizard, defaultImportStats } from '../../components/import-wizard.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { userCan } from '../../lib/abilities.ts';
import { useCommitHazardImport } from './api/commit-import.ts';
import { useDownloadHazardImportRejects } from './api/download-import-rejects.ts';
import { useDownloadHazardImportTemplate } from './api/download-import-template.ts';
import { listImportErrors } from './api/list-import-errors.ts';
import { usePreviewHazardImport, useRemapHazardImport } from './api/preview-import.ts';
import { ledgerUrl } from './components/last-list-url.ts';

const INTRO =
  '可按模板填写，也可直接上传本镇原有的隐患台账（如“企业名称、隐患内容、隐患级别、排查日期、整改状态”等列），系统按列名自动对应，' +
  '未识别的列和取值可在检查结果中指定，并为本区记住。上传后系统逐行检查，确认后才会写入：隐患由系统重新编号（原台账编号记入时间线）；' +
  '同一单位、同一发现日期、相同描述的隐患不会重复导入。一次最多10万行。';

export function HazardImportPage() {
  const me = useCurrentUser();
  const template = useDownloadHazardImportTemplate();
  const previewer = usePreviewHazardImport();
  const remapper = useRemapHazardImport();
  const committer = useCommitHazardImport();
  const rejects = useDownloadHazardImportRejects();
  if (!userCan(me, 'import:hazard')) return <NoAccess text="只有管理员、安委办、科室/站所和村居可以导入隐患台账" />;
  return (
    <ImportWizard
      title="导入隐患台账"
      backTo={ledgerUrl()}
      intro={INTRO}
      template={template}
      previewer={previewer}
      remapper={remapper}
      errorsPage={listImportErrors}
      committer={committer}
      rejects={rejects}
      rejectsText="下载有误的行（含错误原因）"
      stats={(p) => defaultImportStats(p, { split: false })}
      resultText={(r) => `已导入 ${r.created} 条隐患${r.skipped ? `，跳过 ${r.skipped} 行` : ''}${r.alreadyImported ? `；另有 ${r.alreadyImported} 行台账中已有，未重复导入` : ''}`}
      done={{ to: paths.hazards.list, text: '查看隐患台账' }}
    />
  );
}
