// 判定依据 suggestions for the demo region: the national 重大事故隐患 standards a township
// campaign cites, one clause each, tied to the sector whose department applies it. Kept short:
// the criterion field holds a citation and the gist of the clause, not the whole text.
import type { DemoSector } from './demo-region.ts';

export interface DemoCriterion {
  /** A stable key, so demo major hazards can cite a criterion by name. */
  key: string;
  sector: DemoSector | null;
  text: string;
}

const GM = '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）';
const HG = '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》';
const RQ = '《城镇燃气经营安全重大隐患判定标准》';
const FW = '《房屋市政工程生产安全重大事故隐患判定标准（2022版）》';
const HZ = '《重大火灾隐患判定方法》（GB 35181—2017）';
const KS = '《金属非金属矿山重大事故隐患判定标准》';

export const DEMO_CRITERIA: readonly DemoCriterion[] = [
  { key: 'gm-3-1', sector: '工贸', text: `${GM}第三条第（一）项：未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查` },
  { key: 'gm-3-2', sector: '工贸', text: `${GM}第三条第（二）项：特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业` },
  { key: 'gm-11-1', sector: '工贸', text: `${GM}第十一条第（一）项：粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者场所内设有员工宿舍、休息室等人员聚集场所` },
  { key: 'gm-11-3', sector: '工贸', text: `${GM}第十一条第（三）项：干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施` },
  { key: 'gm-11-10', sector: '工贸', text: `${GM}第十一条第（十）项：未落实粉尘清理制度，造成作业现场积尘严重` },
  { key: 'gm-13-2', sector: '工贸', text: `${GM}第十三条第（二）项：未落实有限空间作业审批，或者未执行“先通风、再检测、后作业”要求，或者作业现场未设置监护人员` },
  { key: 'hg-1', sector: '危险化学品', text: `${HG}第一条：危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格` },
  { key: 'hg-12', sector: '危险化学品', text: `${HG}第十二条：涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备` },
  { key: 'hg-18', sector: '危险化学品', text: `${HG}第十八条：未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行` },
  { key: 'hg-20', sector: '危险化学品', text: `${HG}第二十条：未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存` },
  { key: 'rq-license', sector: '燃气', text: `${RQ}：未取得燃气经营许可证从事燃气经营活动` },
  { key: 'rq-cylinder', sector: '燃气', text: `${RQ}：瓶装液化石油气经营者向未经检验、检验不合格或者超期未检验的气瓶充装、供应燃气` },
  { key: 'fw-cert', sector: '建筑施工', text: `${FW}施工安全管理：建筑施工特种作业人员未取得特种作业人员操作资格证书上岗作业` },
  { key: 'fw-scaffold', sector: '建筑施工', text: `${FW}脚手架工程：未设置连墙件或连墙件整层缺失` },
  { key: 'fw-crane', sector: '建筑施工', text: `${FW}起重机械及吊装工程：塔式起重机、施工升降机、物料提升机等起重机械设备未经验收合格即投入使用，或未按规定办理使用登记` },
  { key: 'hz-5-2', sector: '消防', text: `${HZ}第5.2条：生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所设置在同一建筑物内` },
  { key: 'hz-5-5', sector: '消防', text: `${HZ}第5.5条：公共娱乐场所、商店的安全出口数量不足或其总净宽度小于国家工程建设消防技术标准规定值的80%` },
  { key: 'hz-5-8', sector: '消防', text: `${HZ}第5.8条：在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品` },
  { key: 'hz-5-10', sector: '消防', text: `${HZ}第5.10条：人员密集场所的居住场所采用彩钢夹芯板搭建，且芯材的燃烧性能等级低于A级` },
  { key: 'ks-bench', sector: '非煤矿山', text: `${KS}（露天矿山）：未采用自上而下的开采顺序分台阶或者分层开采` },
  { key: 'ks-banned', sector: '非煤矿山', text: `${KS}：使用国家明令禁止使用的设备、材料或者工艺` },
  { key: 'tz-inspect', sector: '特种设备', text: '《特种设备重大事故隐患判定准则》（GB 45067—2024）：使用未经检验或者检验不合格的特种设备' },
  { key: 'jt-vehicle', sector: '交通运输', text: '《道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）》：使用报废、擅自改装或者检验不合格的车辆从事道路运输经营' },
];

export function demoCriterion(key: string): DemoCriterion {
  const c = DEMO_CRITERIA.find((x) => x.key === key);
  if (!c) throw new Error(`demo data: unknown criterion ${key}`);
  return c;
}
