// What other parts of the server use of the checklists module: everything else in it is its own.
export { calendarBetween, calendarDaysBetween, splitByKind } from './work-calendar.repository.ts';
export { currentTemplateVersion, templateVersionById, type TemplateVersionRow } from './checklists.repository.ts';
