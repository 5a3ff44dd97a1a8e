// Generated person names, shop names and phone numbers for demo data.
// No real person's name or phone number: names are random combinations and are checked
// against the names that appear in the seed plans; phones start with "100", a prefix no
// mobile network uses (they still pass the /^1\d{10}$/ format check).
import type { Rand } from './prng.ts';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '郑', '梁',
  '谢', '唐', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '程', '苏', '魏',
  '吕', '丁', '任', '姚', '卢', '谭', '廖', '夏', '付', '邹', '熊', '秦', '江', '尹', '段', '雷', '龙', '陶', '贺', '毛',
];

const GIVEN_FIRST = [
  '建', '明', '国', '志', '文', '德', '世', '永', '春', '秀', '晓', '俊', '海', '玉', '光', '红', '小', '金', '学', '正',
  '思', '家', '宏', '天', '雨', '子', '兴', '嘉', '佳', '安',
];
const GIVEN_SECOND = [
  '华', '平', '强', '军', '勇', '伟', '芳', '英', '琴', '林', '涛', '斌', '敏', '丽', '鹏', '飞', '杰', '娟', '霞', '刚',
  '云', '峰', '辉', '萍', '燕', '超', '磊', '洋', '静', '波', '川', '宇', '婷', '莉', '成', '荣', '梅', '亮', '文', '清',
];

/** Names found in the seed plans (real officials): never generate these. */
const REAL_NAMES = new Set([
  '李觅', '辛国艺', '欧代明', '刘波', '黄东', '刘畅', '齐训山', '张何欢', '曾廷素', '樊时靖', '李静', '陈晨',
  '庞秋波', '向康', '李一郎', '王健', '杨小冬', '刘章', '伍怀育', '刘晗', '代小芳', '郑卫东', '张庆斌', '王鑫辉',
  '薛明辉', '雷建良', '李峻', '黄晓霞', '胡柳强', '张秩通', '陈琦', '徐慧泉', '胡佳良', '潘安琪',
]);

export function isRealName(name: string): boolean {
  return REAL_NAMES.has(name);
}

export function personName(rand: Rand): string {
  for (;;) {
    const given = rand.chance(0.3) ? rand.pick(GIVEN_SECOND) : rand.pick(GIVEN_FIRST) + rand.pick(GIVEN_SECOND);
    const name = rand.pick(SURNAMES) + given;
    if (!REAL_NAMES.has(name)) return name;
  }
}

export function surname(rand: Rand): string {
  return rand.pick(SURNAMES);
}

/** An 11-digit number starting with 100: valid in format, never a real mobile. */
export function fakePhone(rand: Rand): string {
  return `100${rand.digits(8)}`;
}

/** 字号: the trade name part of a business name. */
export const TRADE_NAMES = [
  '鑫达', '恒通', '顺发', '宏达', '兴旺', '永盛', '金鑫', '福源', '瑞丰', '德润', '华兴', '明辉', '聚源', '益民', '佳美',
  '富民', '嘉禾', '鼎丰', '锦程', '龙腾', '天成', '宏图', '和顺', '万家', '惠民', '好运', '川渝', '渝兴', '隆昌', '盛达',
  '荣昌', '红星', '安达', '长丰', '新源', '金桥', '祥和', '景宏', '润泽', '通达', '众鑫', '海川', '佳禾', '恒丰', '云峰',
  '广源', '翠峰', '双龙', '青山', '绿野', '农家', '乡韵', '山泉', '明月', '千盏', '鑫盛', '金源', '丰收', '腾飞', '信诚',
];

/** Streets of the township's two communities (addresses in a 社区 use a street and a number). */
export const COMMUNITY_STREETS = ['大盛正街', '兴盛路', '东升路', '顺龙街', '新街', '老街', '场镇路', '文化路'];
