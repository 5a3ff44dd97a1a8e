// What other parts of the server use of the campaigns module.
export { registerCampaignRoutes } from './campaigns.routes.ts';
export { campaignWorkbench } from './campaigns.workbench.ts';
export { campaignReminders } from './campaigns.reminders.ts';
export { previewAnnex, commitAnnex } from './annex-import.service.ts';
export { gridFromXlsx } from './annex-read.ts';
export { createCampaign, publishCampaign } from './campaigns.service.ts';
export { annexWorkbook } from './campaigns.xlsx.ts';
export { loadCampaign, loadKeptCampaign } from './campaigns.service.ts';
export { publishedCampaigns } from './progress-views.service.ts';
export type { CampaignRow } from './campaigns.repository.ts';
export { occurrencesOf } from './occurrences.engine.ts';
export { type EvidenceOf, type EvidenceSource, type OccurrenceEvidence, registerOccurrenceEvidence } from './occurrence-evidence.ts';
export type { TaskRow } from './campaigns.repository.ts';
