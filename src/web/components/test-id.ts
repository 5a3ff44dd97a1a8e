/** A data-testid for props objects (okButtonProps and the like) whose types do not declare it. */
export const testId = (id: string) => ({ 'data-testid': id }) as object;
