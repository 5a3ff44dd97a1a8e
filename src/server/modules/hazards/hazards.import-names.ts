// The unit names of a township's hazard ledger: its own short names ("翠峰机械") for registered
// units ("翠峰机械制造有限公司"). A name not registered is offered the registered name it likely
// means; the person adopts it in the preview (a choice of the column mapping, remembered for the
// district's next file like any other), and the name is then read as that unit. A name that is
// itself registered is always read as itself: an alias answers only names that are not.
import type { TImportPreview } from '../../../contract/enterprises.ts';
import { type EnterpriseScope } from '../../../domain/access/scope.ts';
import { type ColumnMapping, nameAliasOf } from '../../../domain/imports/column-mapping.ts';
import type { AppContext } from '../../context.ts';
import type { RowProblem } from '../../http/xlsx-rejects.ts';
import { nearestLiveNames } from '../enterprises/index.ts';

export const UNKNOWN_ENTERPRISE = '单位不存在或不在您的管辖范围内';
/** Distinct unknown names a file is offered a registered name for (one lookup each, in one statement a batch), and listed. */
const SUGGESTED_NAMES = 200;
/** Aliases listed in the preview (the rows are read through every one). */
const LISTED_ALIASES = 200;

export class LedgerUnitNames {
  private readonly aliasesUsed = new Map<string, { target: string; how: 'chosen' | 'remembered'; rows: number }>();
  private readonly unknownRows = new Map<string, number>();
  private readonly suggested = new Map<string, string | null>();
  private pending: { error: RowProblem; name: string }[] = [];

  constructor(private readonly mappings: { remembered: ColumnMapping | null; chosen: ColumnMapping | null }) {}

  /** The registered names the rows' names were said to mean, to look up with the names themselves. */
  aliasTargets(names: readonly string[]): string[] {
    return names.flatMap((n) => {
      const a = nameAliasOf(n, this.mappings);
      return a ? [a.target] : [];
    });
  }

  /** The units a row's name reads as: the name's own, else its alias's (counted as used). */
  resolve<T>(name: string, byName: ReadonlyMap<string, T[]>): T[] {
    const own = byName.get(name) ?? [];
    if (own.length > 0) return own;
    const a = nameAliasOf(name, this.mappings);
    const hits = a ? byName.get(a.target) ?? [] : [];
    if (a && hits.length > 0) {
      const used = this.aliasesUsed.get(name);
      if (used) used.rows++;
      else this.aliasesUsed.set(name, { ...a, rows: 1 });
    }
    return hits;
  }

  /** A row whose name is not registered: its problem gets the registered name it likely means. */
  unknown(error: RowProblem, name: string) {
    this.unknownRows.set(name, (this.unknownRows.get(name) ?? 0) + 1);
    this.pending.push({ error, name });
  }

  /** Looks up the names of the rows noted since the last call (once per batch), and words their problems. */
  async suggest(ctx: AppContext, scope: EnterpriseScope) {
    const unknown = this.pending;
    this.pending = [];
    // a name adopted is kept in the mapping, whose keys are up to 100 characters (a cell with a whole address is not a name)
    const ask = [...new Set(unknown.map((u) => u.name))].filter((n) => !this.suggested.has(n) && n.length >= 2 && n.length <= 100)
      .slice(0, Math.max(0, SUGGESTED_NAMES - this.suggested.size));
    const found = await nearestLiveNames(ctx.db, scope, ask);
    for (const n of ask) this.suggested.set(n, found.get(n) ?? null);
    for (const u of unknown) {
      const name = this.suggested.get(u.name);
      if (name) u.error.message = `${UNKNOWN_ENTERPRISE}；是否为“${name}”？请填写单位全称或统一社会信用代码`;
    }
  }

  /** What the preview tells the person: the aliases read, and the names it may adopt, with their rows. */
  report(): Pick<TImportPreview, 'nameAliases' | 'nameSuggestions'> {
    const nameAliases = [...this.aliasesUsed].slice(0, LISTED_ALIASES).map(([name, a]) => ({ name, target: a.target, rows: a.rows, how: a.how }));
    const nameSuggestions = [...this.suggested].flatMap(([name, suggestion]) => (suggestion ? [{ name, suggestion, rows: this.unknownRows.get(name) ?? 0 }] : []));
    return {
      ...(nameAliases.length > 0 ? { nameAliases } : {}),
      ...(nameSuggestions.length > 0 ? { nameSuggestions } : {}),
    };
  }
}
