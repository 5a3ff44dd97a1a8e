// What a spreadsheet import changes of a unit already registered. A file speaks only for its own
// columns: a column it lacks, or a value the person gave for the whole file (行业领域 = 工贸 for a
// 市场监管 registry), must never blank or replace what the township registered by hand.

export interface ImportedUpdateRow<T> {
  /** The row as parsed (with whole-file values and defaults filled in). */
  data: T;
  /** The registry says the unit is gone (注销, 迁出): it is closed, nothing else of it changes. */
  closeOnly?: boolean;
  /** The row's village was not placed (从地址识别 found none): the unit keeps its own. */
  keepVillage?: boolean;
}

/**
 * The fields an import sets on a registered unit: those of `fileFields` (the file's own columns;
 * null: every field, for batches staged before the columns were kept), the village left out when
 * the row did not place it; or only the state, for a unit the registry says is gone.
 */
export function importedUpdate<T extends { status?: unknown; villageId?: unknown }>(row: ImportedUpdateRow<T>, fileFields: readonly string[] | null): Partial<T> {
  if (row.closeOnly) return { status: 'closed' } as Partial<T>;
  const fields = fileFields ?? Object.keys(row.data);
  return Object.fromEntries(fields.filter((f) => f in row.data && !(row.keepVillage && f === 'villageId')).map((f) => [f, row.data[f as keyof T]])) as Partial<T>;
}
