// One spelling for a 时限 phrase before it is read: plans are typed in Word by many hands, so the
// same deadline arrives with full-width digits, Chinese numerals, spaces, brackets and filler words.
// Reading only this spelling keeps the grammar (date-phrase.ts, parse-deadline.ts) small.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四 → 2024 (digit by digit), 十一 → 11, 三十一 → 31, 一百 → 100 (positional). */
function numeralValue(run: string): string {
  if (!/[十百]/.test(run)) return [...run].map((c) => DIGIT[c]).join('');
  let total = 0;
  let current = 0;
  for (const c of run) {
    if (c === '百') { total += (current || 1) * 100; current = 0; } else if (c === '十') { total += (current || 1) * 10; current = 0; } else current = DIGIT[c] ?? 0;
  }
  return String(total + current);
}

// Stand-ins that arabicNumerals leaves alone, for the weekday numerals that must stay Chinese.
const KEEP: Record<string, string> = { 一: '\u2460', 二: '\u2461', 三: '\u2462', 四: '\u2463', 五: '\u2464', 六: '\u2465' };
const KEPT: Record<string, string> = Object.fromEntries(Object.entries(KEEP).map(([k, v]) => [v, k]));

/** Chinese numerals to Arabic ones: 十一月 → 11月, 二〇二四年 → 2024年, 十五日 → 15日, 每两年 → 每2年. */
export function arabicNumerals(s: string): string {
  return s.replace(/[零〇一二两三四五六七八九十百]+/g, numeralValue);
}

// Traditional characters that occur in deadline phrases (copies of plans circulate converted): read
// as the simplified ones. Only the characters the grammar looks at, not a converter.
const TRADITIONAL: Record<string, string> = {
  時: '时', 點: '点', 號: '号', 週: '周', 禮: '礼', 個: '个', 兩: '两', 節: '节', 農: '农', 曆: '历', 國: '国', 慶: '庆',
  勞: '劳', 動: '动', 從: '从', 開: '开', 啟: '启', 結: '结', 於: '于', 為: '为', 內: '内', 後: '后', 長: '长', 續: '续',
  進: '进', 態: '态', 貫: '贯', 間: '间', 項: '项', 專: '专', 報: '报', 檢: '检', 組: '组', 織: '织', 練: '练', 匯: '汇',
  總: '总', 聽: '听', 調: '调', 與: '与', 務: '务', 須: '须', 請: '请', 確: '确', 過: '过', 會: '会', 級: '级', 當: '当',
};
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

// Fillers that say nothing about the day: "前完成", "止", "报送". Stripped from the end, repeatedly.
const TRAILING_FILLER = /(?:完成|结束|办结|到位|报送|上报|报告|为止|止|截止)$/;
const TRAILING_PUNCTUATION = /[。.;；,，、!！:：\])】〕》」』"”']+$/;
const LEADING_PUNCTUATION = /^[([【〔《「『"“']+/;
// Words before the date that only say "by": "于2023年6月30日前", "截至…", "到2025年底前", "持续到5月底".
// Not 至 before 少: "至少每半年" is a frequency.
const LEADING_FILLER = /^(?:应于|须于|请于|务必于|力争于|力争|确保|持续到|持续至|截至|截止到|截止至|截止|于|在|到|至(?!少))/;

/** The normalized phrase: ASCII digits and punctuation, Arabic numbers, no spaces, no wrapping brackets or fillers. */
export function normalizePhrase(text: string): string {
  let s = text.normalize('NFKC'); // full-width digits, letters, （）：，～ → ASCII
  s = s.replace(/\s+/g, '');
  s = s.replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c]!);
  s = s.replace(/五一(?:劳动)?节?/g, '劳动节'); // before the numerals turn 五一 into 51
  // 周一…周六 stay Chinese (recurring-phrase.ts): as digits, "每周五12点前" would be "每周512点前".
  // Not before 次: "每周一次" is once a week.
  s = s.replace(/(周|星期|礼拜)([一二三四五六])(?![次个轮])/g, (_, w: string, d: string) => w + KEEP[d]!);
  s = arabicNumerals(s);
  s = s.replace(/[\u2460-\u2465]/g, (c) => KEPT[c]!);
  // 2023-07-30, 2023.7.30, 2023/7/30 → the Chinese spelling, before '-' is read as a range dash.
  s = s.replace(/(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/g, '$1年$2月$3日');
  s = s.replace(/(\d)号/g, '$1日');
  s = s.replace(/[—–―‒−~〜～-]+/g, '~'); // every dash between two dates is one range mark
  s = s.replace(/(?:以|之)前/g, '前');
  s = s.replace(/月份/g, '月');
  s = s.replace(/(月|年|季度|季|半年)末/g, '$1底');
  s = s.replace(/[,，、]+(?=至|到|~)/g, ''); // "自本通知印发之日开始，至2025年2月底结束"
  let previous;
  do {
    previous = s;
    s = s.replace(LEADING_PUNCTUATION, '').replace(TRAILING_PUNCTUATION, '');
    s = s.replace(TRAILING_FILLER, '').replace(LEADING_FILLER, '');
  } while (s !== previous);
  return s;
}
