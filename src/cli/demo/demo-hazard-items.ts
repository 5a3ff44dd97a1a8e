// What the demo's hazards say: descriptions a grid officer or an inspector would write, the
// place, the category, and the fix (the plan's measures and the rectification note), by sector.
// `when` narrows an item to enterprises whose name fits (a 后厨 only where there is a kitchen).
import type { DemoSector } from './demo-region.ts';

export interface HazardItem {
  sector: DemoSector;
  description: string;
  locations: readonly string[];
  category: string;
  /** What is to be done (the plan's measures), and what the rectification note says was done. */
  fix: string;
  /** Can be put right during the visit (即查即改). */
  spot?: boolean;
  when?: RegExp;
}

export interface MajorHazardItem extends Omit<HazardItem, 'spot'> {
  criterion: string; // a DEMO_CRITERIA key
}

const KITCHEN = /餐馆|火锅|面馆|小吃|豆花|烧烤|农家乐|山庄|家院子|酒店|养老|幼儿园/;
const MACHINE = /机械|五金|汽车|摩托|农机|预制构件/;
const WOOD = /家具|木业|木材/;
const DUSTY = /家具|木业|木材|粮油|打米|面条/;
const LODGING = /旅馆|宾馆|客栈|酒店|农家乐|山庄|家院子/;
const ROOMS = /KTV|歌城|网吧|网咖/;
const WET = /食品|调味品|化工|涂料|混凝土|豆腐|榨油|粮油|面条|水泥/;
const LPG_SHOP = /液化气|燃气/;

const C = { fire: '消防安全', power: '用电安全', equip: '设备设施', site: '作业环境', mgmt: '安全管理', hazmat: '危化品管理', gas: '燃气安全', special: '特种设备', traffic: '交通安全', water: '防溺水' };

export const HAZARD_ITEMS: readonly HazardItem[] = [
  // 消防 (every kind of venue)
  { sector: '消防', description: '疏散通道堆放杂物', locations: ['一楼疏散通道', '后门通道', '二楼走廊'], category: C.fire, fix: '清理疏散通道内杂物，张贴禁止堆放标识', spot: true },
  { sector: '消防', description: '灭火器过期未更换', locations: ['营业大厅', '收银台旁', '生产车间', '仓库门口'], category: C.fire, fix: '更换过期灭火器，建立每月检查记录' },
  { sector: '消防', description: '灭火器压力不足，未按月检查', locations: ['营业大厅', '仓库门口', '生产车间'], category: C.fire, fix: '送检充装灭火器，张贴月度检查卡', spot: true },
  { sector: '消防', description: '电动自行车在楼道内充电', locations: ['一楼楼道', '楼梯间'], category: C.fire, fix: '清离楼道内充电车辆，在室外设置集中充电点' },
  { sector: '消防', description: '安全出口指示标志损坏不亮', locations: ['二楼走廊', '安全出口上方'], category: C.fire, fix: '更换损坏的安全出口指示标志并测试', spot: true },
  { sector: '消防', description: '应急照明灯损坏', locations: ['楼梯间', '二楼走廊'], category: C.fire, fix: '维修更换应急照明灯，每月试验一次' },
  { sector: '消防', description: '私拉乱接电线，使用不合格插线板', locations: ['收银台', '仓库', '休息室'], category: C.power, fix: '拆除私拉电线，更换合格插座并规范敷设', spot: true },
  { sector: '消防', description: '安全出口上锁，营业期间无法开启', locations: ['后门安全出口', '二楼安全出口'], category: C.fire, fix: '拆除安全出口门锁，营业期间保持畅通', spot: true },
  { sector: '消防', description: '住宿与经营、储存场所未有效分隔（“三合一”）', locations: ['店铺后部住宿区', '二楼住宿区'], category: C.fire, fix: '拆除经营区内床铺，住宿区与经营区实施防火分隔' },
  { sector: '消防', description: '消火栓被遮挡，水带水枪缺失', locations: ['走廊消火栓箱', '一楼消火栓'], category: C.fire, fix: '清理消火栓前杂物，补齐水带水枪' },
  { sector: '消防', description: '未开展员工消防安全培训和疏散演练', locations: ['办公室'], category: C.mgmt, fix: '组织员工消防安全培训和疏散演练，建立培训档案' },
  { sector: '消防', description: '厨房排油烟管道油污较多，未定期清洗', locations: ['后厨'], category: C.fire, fix: '请专业单位清洗排油烟管道，建立清洗记录', when: KITCHEN },
  { sector: '消防', description: '客房窗户设置固定防盗网，影响逃生', locations: ['二楼客房', '三楼客房'], category: C.fire, fix: '将固定防盗网改为可从内部开启的逃生窗', when: LODGING },
  { sector: '消防', description: '客房未配备逃生面罩和手电筒', locations: ['客房'], category: C.fire, fix: '每间客房配备逃生面罩和应急手电筒', when: LODGING },
  { sector: '消防', description: '包房内装修使用易燃材料', locations: ['包房'], category: C.fire, fix: '拆除包房内易燃装饰材料，改用不燃材料', when: ROOMS },
  { sector: '消防', description: '室内吸烟、乱扔烟头，未设置禁烟标识', locations: ['仓库', '车间'], category: C.fire, fix: '设置禁烟标识，划定室外吸烟点', spot: true },

  // 燃气 (kitchens and LPG shops)
  { sector: '燃气', description: '燃气管道使用胶管连接且超过2米', locations: ['后厨灶台'], category: C.gas, fix: '更换为金属波纹管，连接长度不超过2米', when: KITCHEN },
  { sector: '燃气', description: '未安装可燃气体报警装置', locations: ['后厨'], category: C.gas, fix: '安装可燃气体报警装置并与紧急切断阀联动', when: KITCHEN },
  { sector: '燃气', description: '气瓶存放间未安装可燃气体报警装置', locations: ['气瓶存放间'], category: C.gas, fix: '安装可燃气体报警装置', when: LPG_SHOP },
  { sector: '燃气', description: '液化石油气钢瓶未固定，与灶具间距不足', locations: ['后厨'], category: C.gas, fix: '钢瓶移至独立气瓶间并加装防倾倒链条', when: KITCHEN, spot: true },
  { sector: '燃气', description: '使用无熄火保护装置的灶具', locations: ['后厨'], category: C.gas, fix: '更换为带熄火保护装置的灶具', when: KITCHEN },
  { sector: '燃气', description: '使用超期未检验的液化石油气钢瓶', locations: ['后厨'], category: C.gas, fix: '停用超期钢瓶，由有资质的供应单位更换检验合格气瓶', when: KITCHEN },
  { sector: '燃气', description: '气瓶存放间通风不良，未使用防爆照明', locations: ['气瓶存放间'], category: C.gas, fix: '增设通风口，更换防爆灯具和开关', when: LPG_SHOP },
  { sector: '燃气', description: '配送人员未经燃气从业人员专业培训', locations: ['配送点'], category: C.mgmt, fix: '组织配送人员参加燃气从业人员培训考核', when: LPG_SHOP },

  // 工贸
  { sector: '工贸', description: '砂轮机防护罩缺失', locations: ['机加工车间'], category: C.equip, fix: '加装砂轮机防护罩，调整托架与砂轮间距', when: MACHINE },
  { sector: '工贸', description: '冲床未安装光电保护装置', locations: ['冲压车间'], category: C.equip, fix: '冲床加装光电保护装置并试验有效', when: /五金|机械/ },
  { sector: '工贸', description: '车床旋转部位防护罩缺失', locations: ['机加工车间'], category: C.equip, fix: '补装车床旋转部位防护罩', when: MACHINE, spot: true },
  { sector: '工贸', description: '有限空间作业未审批，未配备气体检测仪', locations: ['污水处理池', '发酵罐区', '地下污水井'], category: C.site, fix: '建立有限空间管理台账和作业审批制度，配备气体检测仪', when: WET },
  { sector: '工贸', description: '有限空间未设置安全警示标识', locations: ['污水井', '化粪池'], category: C.site, fix: '在有限空间入口设置安全警示标识', spot: true, when: WET },
  { sector: '工贸', description: '木工机械安全防护装置缺失', locations: ['木工车间'], category: C.equip, fix: '圆锯机加装防护罩和分料刀', when: WOOD },
  { sector: '工贸', description: '车间积尘未及时清理', locations: ['打磨车间', '加工间'], category: C.site, fix: '清理车间积尘，落实每班清扫制度', when: DUSTY, spot: true },
  { sector: '工贸', description: '配电箱未上锁，未安装漏电保护器', locations: ['车间配电箱'], category: C.power, fix: '配电箱加锁，安装漏电保护器' },
  { sector: '工贸', description: '员工作业未佩戴劳动防护用品', locations: ['生产车间'], category: C.mgmt, fix: '发放并督促佩戴劳动防护用品', spot: true },
  { sector: '工贸', description: '喷漆房未使用防爆电气', locations: ['喷漆房'], category: C.power, fix: '更换喷漆房内灯具、开关为防爆型', when: /汽车/ },
  { sector: '工贸', description: '汽车举升机未定期检查保养', locations: ['维修工位'], category: C.equip, fix: '对举升机进行检查保养并建立记录', when: /汽车|摩托/ },
  { sector: '工贸', description: '废品堆放过高，未保持防火间距', locations: ['露天堆场', '仓库'], category: C.fire, fix: '降低堆垛高度，堆垛之间留出防火间距', when: /废品|回收/ },
  { sector: '工贸', description: '未建立全员安全生产责任制', locations: ['办公室'], category: C.mgmt, fix: '制定全员安全生产责任制并组织签订' },
  { sector: '工贸', description: '安全操作规程未上墙，员工不清楚', locations: ['生产车间'], category: C.mgmt, fix: '制定岗位安全操作规程并上墙，组织学习', spot: true },
  { sector: '工贸', description: '传动皮带部位无防护罩', locations: ['加工间', '成型车间'], category: C.equip, fix: '在传动皮带部位加装防护罩', when: /榨油|粮油|打米|面条|砖厂|水泥/ },

  // 特种设备
  { sector: '特种设备', description: '叉车未定期检验，司机无证驾驶', locations: ['厂区'], category: C.special, fix: '叉车报检，驾驶人员参加培训取证' },
  { sector: '特种设备', description: '储气罐安全阀超期未校验', locations: ['空压机房'], category: C.special, fix: '送检安全阀并更换合格压力表' },
  { sector: '特种设备', description: '行车吊钩防脱钩装置缺失', locations: ['车间行车'], category: C.special, fix: '更换带防脱钩装置的吊钩' },
  { sector: '特种设备', description: '特种设备未办理使用登记', locations: ['厂区'], category: C.special, fix: '向市场监管部门办理特种设备使用登记' },

  // 危险化学品
  { sector: '危险化学品', description: '卸油区静电接地报警器失效', locations: ['卸油区'], category: C.hazmat, fix: '维修静电接地报警器并检测合格', when: /加油站/ },
  { sector: '危险化学品', description: '加油员未穿防静电工作服', locations: ['加油区'], category: C.hazmat, fix: '配发防静电工作服，班前检查着装', when: /加油站/, spot: true },
  { sector: '危险化学品', description: '危险化学品储存未分区分类，未设安全周知卡', locations: ['原料仓库'], category: C.hazmat, fix: '按类别分区储存，张贴安全周知卡', when: /化工|涂料/ },
  { sector: '危险化学品', description: '烟花爆竹零售点超量储存', locations: ['零售点'], category: C.hazmat, fix: '将超量烟花爆竹退回批发企业', when: /烟花/ },
  { sector: '危险化学品', description: '零售点未配备灭火器材，周边有明火', locations: ['零售点'], category: C.hazmat, fix: '配备灭火器，清除周边火源', when: /烟花/, spot: true },
  { sector: '危险化学品', description: '未制定危险化学品事故应急预案', locations: ['办公室'], category: C.mgmt, fix: '编制应急预案并组织演练' },

  // 非煤矿山
  { sector: '非煤矿山', description: '采场边坡存在浮石未及时清理', locations: ['采场边坡'], category: C.site, fix: '组织清理边坡浮石，设置警戒' },
  { sector: '非煤矿山', description: '作业区域未设置安全警示标志', locations: ['采场', '运输道路'], category: C.site, fix: '在作业区域和运输道路设置安全警示标志', spot: true },
  { sector: '非煤矿山', description: '排土场未设置截排水设施', locations: ['排土场'], category: C.site, fix: '修建截排水沟' },
  { sector: '非煤矿山', description: '作业人员未佩戴安全帽', locations: ['采场'], category: C.mgmt, fix: '督促作业人员佩戴安全帽', spot: true },

  // 建筑施工
  { sector: '建筑施工', description: '脚手架连墙件缺失', locations: ['外脚手架'], category: C.site, fix: '按方案补设连墙件并验收' },
  { sector: '建筑施工', description: '临边洞口未设置防护栏杆', locations: ['二层楼板临边', '电梯井口'], category: C.site, fix: '设置防护栏杆和安全网', spot: true },
  { sector: '建筑施工', description: '施工临时用电未按三级配电两级保护设置', locations: ['施工现场配电箱'], category: C.power, fix: '按三级配电两级保护整改临时用电' },
  { sector: '建筑施工', description: '高处作业人员未系安全带', locations: ['外墙作业面', '屋面'], category: C.mgmt, fix: '督促高处作业人员系挂安全带', spot: true },
  { sector: '建筑施工', description: '基坑边堆土过近，未设置防护栏杆', locations: ['基坑边'], category: C.site, fix: '清运坑边堆土，设置防护栏杆' },
  { sector: '建筑施工', description: '装修现场动火作业未审批，未配灭火器', locations: ['装修现场'], category: C.fire, fix: '办理动火审批，作业点配备灭火器和监护人', when: /装饰/ },

  // 交通运输
  { sector: '交通运输', description: '货运车辆超载运输', locations: ['停车场'], category: C.traffic, fix: '卸载超载货物，对驾驶员进行教育' },
  { sector: '交通运输', description: '车辆动态监控未在线', locations: ['停车场'], category: C.traffic, fix: '维修车载卫星定位装置，恢复动态监控' },
  { sector: '交通运输', description: '驾驶员未按规定开展安全教育培训', locations: ['办公室'], category: C.mgmt, fix: '组织驾驶员安全教育培训并建立档案' },
  { sector: '交通运输', description: '车辆未配备灭火器和三角警示牌', locations: ['停车场'], category: C.traffic, fix: '为车辆配齐灭火器和三角警示牌', spot: true },

  // 文化旅游
  { sector: '文化旅游', description: '游步道临水临崖处护栏损坏', locations: ['游步道', '观景台'], category: C.site, fix: '修复护栏，设置警示标识' },
  { sector: '文化旅游', description: '临水区域未配备救生圈', locations: ['鱼塘边', '水池边'], category: C.water, fix: '配备救生圈和救生绳，设置防溺水警示牌', spot: true },
  { sector: '文化旅游', description: '节假日游客高峰未制定限流措施', locations: ['景区入口'], category: C.mgmt, fix: '制定游客高峰限流方案和应急预案' },
  { sector: '文化旅游', description: '营业场所未张贴疏散示意图', locations: ['大厅', '走廊'], category: C.fire, fix: '张贴疏散示意图', spot: true },

  // 医疗卫生
  { sector: '医疗卫生', description: '氧气瓶未固定存放，无防倾倒措施', locations: ['治疗室'], category: C.equip, fix: '氧气瓶加装固定架', spot: true },
  { sector: '医疗卫生', description: '消毒用酒精存放量过大，未专柜存放', locations: ['药房', '治疗室'], category: C.hazmat, fix: '减少酒精存量，设专柜存放' },

  // 养老/社会福利
  { sector: '养老/社会福利', description: '老人房间使用大功率电器', locations: ['老人房间'], category: C.power, fix: '收缴大功率电器，加强查房', spot: true },
  { sector: '养老/社会福利', description: '护理区未安装独立式感烟火灾探测报警器', locations: ['护理区'], category: C.fire, fix: '护理区加装独立式感烟火灾探测报警器' },
  { sector: '养老/社会福利', description: '夜间值班人员不足，未开展夜间疏散演练', locations: ['护理区'], category: C.mgmt, fix: '增加夜间值班人员，组织夜间疏散演练' },

  // 校园
  { sector: '校园', description: '活动室使用电暖器，未设置防护', locations: ['活动室'], category: C.power, fix: '停用电暖器，改用有防护的取暖设施', spot: true },
  { sector: '校园', description: '校园围墙局部破损', locations: ['校园围墙'], category: C.site, fix: '修复破损围墙' },
  { sector: '校园', description: '未配备专职保安，门卫登记制度未落实', locations: ['校门'], category: C.mgmt, fix: '配备保安，落实来访登记制度' },

  // 涉农
  { sector: '涉农', description: '沼气池未设置防护盖板和警示标识', locations: ['沼气池'], category: C.site, fix: '加盖防护盖板，设置警示标识' },
  { sector: '涉农', description: '农药与饲料混放', locations: ['仓库'], category: C.hazmat, fix: '农药单独存放并上锁', spot: true },
  { sector: '涉农', description: '圈舍电线老化，私拉乱接', locations: ['圈舍'], category: C.power, fix: '更换老化电线，规范敷设' },
  { sector: '涉农', description: '农机具带病作业，未年检', locations: ['机具棚'], category: C.equip, fix: '维修农机具并办理年检' },

  // 渔业船舶
  { sector: '渔业船舶', description: '作业船只未配备救生衣', locations: ['作业船只'], category: C.water, fix: '为作业船只配齐救生衣', spot: true },
  { sector: '渔业船舶', description: '养殖作业船舶未登记', locations: ['码头'], category: C.mgmt, fix: '办理养殖船舶登记' },

  // 河道
  { sector: '河道', description: '河岸未设置防溺水警示牌', locations: ['河岸', '塘堰边'], category: C.water, fix: '设置防溺水警示牌', spot: true },
  { sector: '河道', description: '临水区域护栏缺失', locations: ['河岸', '塘堰边'], category: C.water, fix: '加装临水护栏' },

  // 林区
  { sector: '林区', description: '野外用火管理制度未落实，林区边焚烧杂草', locations: ['林区边缘'], category: C.fire, fix: '制止野外用火，落实巡护制度', spot: true },
  { sector: '林区', description: '林区防火通道堆放杂物', locations: ['防火通道'], category: C.fire, fix: '清理防火通道杂物', spot: true },
  { sector: '林区', description: '柴油等油料存放不规范', locations: ['机具棚'], category: C.hazmat, fix: '油料集中存放并配备灭火器' },
];

export const MAJOR_HAZARD_ITEMS: readonly MajorHazardItem[] = [
  { sector: '工贸', criterion: 'gm-11-1', description: '木制品打磨车间（粉尘爆炸危险场所）内设置员工休息室', locations: ['打磨车间'], category: C.site, fix: '拆除车间内休息室，人员聚集场所移出粉尘爆炸危险场所', when: WOOD },
  { sector: '工贸', criterion: 'gm-11-3', description: '砂光机干式除尘系统未设置泄爆装置', locations: ['砂光工位'], category: C.equip, fix: '除尘器加装泄爆片并经检测验收', when: WOOD },
  { sector: '工贸', criterion: 'gm-13-2', description: '污水处理池清淤作业未审批，未检测气体，现场无监护人员', locations: ['污水处理池'], category: C.site, fix: '落实有限空间作业审批和“先通风、再检测、后作业”，配备监护人员', when: /食品|调味品|化工/ },
  { sector: '工贸', criterion: 'gm-3-2', description: '电焊工、电工无特种作业操作证上岗作业', locations: ['焊接工位', '配电房'], category: C.mgmt, fix: '停止无证人员作业，组织参加特种作业培训取证', when: MACHINE },
  { sector: '工贸', criterion: 'gm-3-1', description: '部分厂房出租给他人使用，未签订安全管理协议，未统一协调管理', locations: ['出租厂房'], category: C.mgmt, fix: '与承租单位签订安全管理协议，纳入统一管理并定期检查', when: /机械|建材|家具|食品/ },
  { sector: '危险化学品', criterion: 'hg-1', description: '加油站负责人和安全管理人员未经安全生产知识和管理能力考核合格', locations: ['站房'], category: C.mgmt, fix: '负责人和安全管理人员参加考核并取得合格证', when: /加油站/ },
  { sector: '危险化学品', criterion: 'hg-20', description: '仓库超量储存，氧化剂与易燃液体混放', locations: ['原料仓库'], category: C.hazmat, fix: '清退超量物料，氧化剂与易燃液体分库存放', when: /化工|涂料/ },
  { sector: '危险化学品', criterion: 'hg-12', description: '调漆间未设置可燃气体检测报警装置，电气设备非防爆型', locations: ['调漆间'], category: C.hazmat, fix: '安装可燃气体检测报警装置，更换防爆电气', when: /化工|涂料/ },
  { sector: '非煤矿山', criterion: 'ks-bench', description: '未按设计自上而下分台阶开采，形成高陡边坡', locations: ['采场'], category: C.site, fix: '停止开采，按设计削坡分台阶，经验收后恢复生产', when: /采石场|矿业|砖厂/ },
  { sector: '燃气', criterion: 'rq-cylinder', description: '向超期未检验的液化石油气钢瓶充装、供应', locations: ['供应站'], category: C.gas, fix: '停止超期钢瓶供应，全部送检或报废，建立气瓶追溯台账', when: LPG_SHOP },
  { sector: '燃气', criterion: 'rq-license', description: '未取得燃气经营许可证从事瓶装液化石油气经营', locations: ['配送点'], category: C.gas, fix: '停止经营，办理燃气经营许可或纳入持证企业管理', when: /液化气配送点/ },
  { sector: '建筑施工', criterion: 'fw-scaffold', description: '外脚手架连墙件整层缺失', locations: ['外脚手架'], category: C.site, fix: '停止脚手架上作业，按方案补设连墙件并验收', when: /建筑|建设|市政/ },
  { sector: '建筑施工', criterion: 'fw-crane', description: '物料提升机未经验收合格即投入使用', locations: ['施工现场'], category: C.special, fix: '停用物料提升机，经检验验收合格并办理使用登记后使用', when: /建筑|建设|市政/ },
  { sector: '消防', criterion: 'hz-5-5', description: '安全出口数量不足，仅设一个出口', locations: ['二楼营业区'], category: C.fire, fix: '增设安全出口并经消防验收', when: /KTV|歌城|超市|商贸/ },
  { sector: '消防', criterion: 'hz-5-8', description: '营业厅内存放多瓶液化石油气', locations: ['营业厅'], category: C.fire, fix: '清出营业厅内气瓶，设置独立气瓶间', when: /餐馆|火锅|农家乐|山庄|家院子/ },
  { sector: '消防', criterion: 'hz-5-10', description: '客房采用彩钢夹芯板搭建，芯材为聚苯乙烯泡沫', locations: ['后院客房'], category: C.fire, fix: '拆除彩钢板房，改用不燃材料搭建', when: /农家乐|山庄|家院子|养老/ },
];
