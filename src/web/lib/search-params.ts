// List state (page, filters, sort) lives in the URL so a reload or a shared link keeps it.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Uuid } from '../../contract/common.ts';

export type SearchPatch = Record<string, string | number | boolean | null | undefined>;

export function useSearchState() {
  const [sp, setSp] = useSearchParams();
  const values = useMemo(() => Object.fromEntries(sp.entries()) as Record<string, string>, [sp]);
  const update = useCallback(
    (patch: SearchPatch, opts: { resetPage?: boolean } = {}) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '' || v === false) next.delete(k);
            else next.set(k, String(v));
          }
          if (opts.resetPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );
  const reset = useCallback((keep: string[] = []) => {
    setSp((prev) => {
      const next = new URLSearchParams();
      for (const k of keep) {
        const v = prev.get(k);
        if (v !== null) next.set(k, v);
      }
      return next;
    }, { replace: true });
  }, [setSp]);
  return { values, update, reset };
}

/** A list's page change as a URL patch: page 1 and the default page size stay out of the URL. */
export const pagePatch = (page: number, pageSize: number, defaultPageSize: number): SearchPatch => ({
  page: page > 1 ? page : undefined,
  pageSize: pageSize !== defaultPageSize ? pageSize : undefined,
});

/** Positive integer from the URL, or the fallback. */
export function intParam(raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** A value from the URL if it is one of the allowed ones. */
export function enumParam<T extends string>(raw: string | undefined, allowed: readonly T[]): T | undefined {
  return raw !== undefined && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

export function uuidParam(raw: string | undefined): string | undefined {
  return raw && Uuid.safeParse(raw).success ? raw : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function dateParam(raw: string | undefined): string | undefined {
  return raw && DATE.test(raw) ? raw : undefined;
}

export function boolParam(raw: string | undefined): 'true' | 'false' | undefined {
  return raw === 'true' || raw === 'false' ? raw : undefined;
}
