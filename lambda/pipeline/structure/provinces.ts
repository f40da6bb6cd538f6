/**
 * The 31 province-level divisions whose governments report to a people's congress each year, with
 * the short name their reports use of themselves (辽宁振兴发展, 美丽河北) and their level, which
 * decides how a report speaks of its territory (全省, 全区, 全市).
 */
export interface Province {
  name: string;
  short: string;
  level: '省' | '自治区' | '直辖市';
}

const PROVINCE_NAMES =
  '河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海';
const REGIONS: [string, string][] = [
  ['内蒙古', '内蒙古自治区'],
  ['广西', '广西壮族自治区'],
  ['西藏', '西藏自治区'],
  ['宁夏', '宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区'],
];
const MUNICIPALITIES = '北京 天津 上海 重庆';

export const PROVINCES: readonly Province[] = [
  ...PROVINCE_NAMES.split(' ').map((short) => ({ name: `${short}省`, short, level: '省' as const })),
  ...REGIONS.map(([short, name]) => ({ name, short, level: '自治区' as const })),
  ...MUNICIPALITIES.split(' ').map((short) => ({ name: `${short}市`, short, level: '直辖市' as const })),
];
