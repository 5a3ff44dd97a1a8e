// The structure of the demo region, taken from the 大盛镇 plan (seed 003, 附件5):
// its villages, departments and supervision groups. Person names are generated elsewhere.

export const DEMO_DISTRICT = '渝北区';
export const DEMO_TOWNSHIP = '大盛镇';
/** 渝北区's administrative division code: positions 3-8 of a local USCC. */
export const DEMO_ADMIN_CODE = '500112';

/** In the order of 附件5. */
export const DEMO_VILLAGES = [
  '明月村', '千盏村', '东河村', '东山村', '真理村', '人和村', '云龙村', '青龙村', '菊花坝村', '天险洞村',
  '隆仁村', '隆盛村', '东升社区', '顺龙村', '鱼塘村', '兴盛社区', '三新村', '大盛村',
] as const;
export type DemoVillage = (typeof DEMO_VILLAGES)[number];

/** 行业领域 (glossary), in display order. */
export const DEMO_SECTORS = [
  '危险化学品', '非煤矿山', '工贸', '建筑施工', '燃气', '消防', '交通运输', '文化旅游', '特种设备', '渔业船舶',
  '医疗卫生', '养老/社会福利', '校园', '涉农', '河道', '林区',
] as const;
export type DemoSector = (typeof DEMO_SECTORS)[number];

/** Township departments (附件5 plus 应急办) and the sectors each supervises. */
export const DEMO_DEPARTMENTS: readonly { name: string; sectors: readonly DemoSector[] }[] = [
  { name: '应急办', sectors: ['危险化学品', '非煤矿山', '工贸', '特种设备', '消防'] },
  { name: '产业服务中心', sectors: ['涉农', '渔业船舶', '林区', '河道'] },
  { name: '平安法治办', sectors: ['交通运输', '消防'] },
  { name: '基层指挥中心', sectors: ['消防'] },
  { name: '经济发展办公室规划建设岗', sectors: ['建筑施工', '燃气'] },
  { name: '村镇建设中心', sectors: ['建筑施工', '燃气', '河道'] },
  { name: '经济发展办公室经济发展岗', sectors: ['工贸', '危险化学品', '特种设备'] },
  { name: '民生服务办公室', sectors: ['医疗卫生', '养老/社会福利', '校园'] },
  { name: '新时代文明实践服务中心', sectors: ['文化旅游', '校园'] },
];

/** The 9 督导工作组 of 附件5: the member who leads each (by title), its departments and villages. */
export const DEMO_GROUPS: readonly {
  name: string;
  memberTitle: string;
  departments: readonly string[];
  villages: readonly DemoVillage[];
}[] = [
  { name: '第一督导工作组', memberTitle: '人大主席', departments: [], villages: ['明月村', '千盏村'] },
  { name: '第二督导工作组', memberTitle: '专职副书记', departments: ['产业服务中心'], villages: ['东河村', '东山村'] },
  { name: '第三督导工作组', memberTitle: '政法委员、副镇长', departments: ['平安法治办'], villages: ['真理村', '人和村'] },
  { name: '第四督导工作组', memberTitle: '组织委员', departments: ['基层指挥中心'], villages: ['云龙村', '青龙村'] },
  {
    name: '第五督导工作组', memberTitle: '人武部长、副镇长',
    departments: ['经济发展办公室规划建设岗', '村镇建设中心'], villages: ['菊花坝村', '天险洞村'],
  },
  { name: '第六督导工作组', memberTitle: '副镇长', departments: ['经济发展办公室经济发展岗'], villages: ['隆仁村', '隆盛村'] },
  { name: '第七督导工作组', memberTitle: '副镇长', departments: ['民生服务办公室'], villages: ['东升社区', '顺龙村'] },
  { name: '第八督导工作组', memberTitle: '宣统委员', departments: ['新时代文明实践服务中心'], villages: ['鱼塘村', '兴盛社区'] },
  { name: '第九督导工作组', memberTitle: '纪委书记', departments: [], villages: ['三新村', '大盛村'] },
];

/** How many enterprises a village gets relative to others: the town centre and communities hold more. */
export const VILLAGE_WEIGHTS: Partial<Record<DemoVillage, number>> = {
  兴盛社区: 3,
  东升社区: 3,
  大盛村: 2.5,
  明月村: 1.5,
  千盏村: 1.2,
};
