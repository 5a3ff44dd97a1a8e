// What is left of a unit's name without the words many names share: the place it starts with
// (重庆市, 渝北区, 大盛镇) and the kind of unit it ends with (有限公司, 厂, 店, 经营部). A township's
// ledger writes "聚源建材厂" for the registered 重庆聚源建材有限公司: neither holds the other, but the
// registered name holds the ledger name's core, 聚源建材. Used to suggest a registered name only;
// the person adopts it or not.

/** Places a name may start with: a province-level city, or a name of 2–3 characters ending in 市/区/县/镇/乡/街道. */
const PLACE = /^(?:重庆市?|北京市?|上海市?|天津市?|[\u4e00-\u9fff]{2,3}(?:市|区|县|镇|乡|街道))/u;
/** Kinds of unit a name may end with, longest first. */
const KINDS = [
  '股份有限公司', '有限责任公司', '有限公司', '分公司', '公司', '专业合作社', '合作社', '个体工商户', '经营部', '门市部', '门市',
  '加工厂', '商店', '商行', '厂', '店', '场', '部',
];
/** The shortest core worth looking for: two characters (建材, 五金) would match half a township. */
const MIN_CORE = 3;

/** The name's core (see above), or null when it is no shorter than the name or too short to look for. */
export function unitNameCore(name: string): string | null {
  let core = name.normalize('NFKC').replace(/\(.*?\)|（.*?）|\s/g, '');
  for (let changed = true; changed;) {
    changed = false;
    // the kind first: 大盛镇建材厂 keeps 大盛镇建材, not the 建材厂 of every township
    const kind = KINDS.find((k) => core.endsWith(k) && core.length - k.length >= MIN_CORE);
    if (kind) {
      core = core.slice(0, -kind.length);
      changed = true;
    }
    const place = PLACE.exec(core);
    if (place && core.length - place[0].length >= MIN_CORE) {
      core = core.slice(place[0].length);
      changed = true;
    }
  }
  return core.length >= MIN_CORE && core !== name ? core : null;
}
