/**
 * The words a figure's period, status and change are read by (docs/meaning.md): which way a change
 * goes, what makes a figure a goal or a preliminary result, what a heading of a review or of a plan
 * says, and, in a stretch about several years, what ties a figure to the whole span or to its end.
 * Lists are in the order the readers try them, longer words before the words they hold.
 */

/** A change upwards when the words before a figure end with one (增长5.2%, 比上年增加3件, 涨幅2%). */
export const UP_WORDS: readonly string[] = [
  '增长率',
  '增长',
  '增加',
  '增幅',
  '增速',
  '增量',
  '净增',
  '提高',
  '提升',
  '上升',
  '上涨',
  '涨幅',
  '攀升',
  '回升',
  '扩大',
  '高于',
  '高出',
  '增',
  '涨',
];
/** New items, not a change: 新增5个 counts what was added (增 alone, 同比增3%, is a change). */
export const NEW_ITEM_WORDS: readonly string[] = ['新增加', '新增'];
/** A change downwards, as UP_WORDS (下降2.1%, 降幅3个百分点, 比上年减少5件). */
export const DOWN_WORDS: readonly string[] = [
  '下降率',
  '下降',
  '降低',
  '减少',
  '下滑',
  '回落',
  '降幅',
  '减幅',
  '净减',
  '缩小',
  '缩减',
  '削减',
  '压减',
  '压降',
  '低于',
  '减',
  '降',
];
/**
 * The comparatives that are a change only after 比/较 in the same clause (比上年多3件, 比去年高2个
 * 百分点): alone, 多 is a bound (200多处) and 高 or 低 a level (最高38℃).
 */
export const COMPARED_UP_WORDS: readonly string[] = ['多', '高'];
export const COMPARED_DOWN_WORDS: readonly string[] = ['少', '低'];
/** What a change is measured against when no verb follows (同比-6.2%, 比上年+3%): a change upwards. */
export const AGAINST_WORDS: readonly string[] = ['同比', '环比', '比上年同期', '比上年', '较上年'];
/**
 * Verbs that open a clause whose figure is the size of a change (压减地下水开采量21.5亿立方米,
 * 减少审批环节12个); 增加 only before something other than 值 (增加值 is a level).
 */
export const LEADING_CHANGE_VERBS: readonly string[] = [
  '增加',
  '净增',
  '减少',
  '压减',
  '压降',
  '削减',
  '缩减',
  '净减',
];

/**
 * After a change verb these make the figure the level reached (提高到25.5%, 增至951万户, 降至3天),
 * not the change; alone, before a figure, the level at the end of a stretch (达到9000公里, 突破1.5万亿元).
 */
export const REACHED_WORDS: readonly string[] = [
  '达到',
  '突破',
  '跃上',
  '跃升至',
  '升至',
  '增至',
  '降至',
  '到',
  '至',
  '达',
];
/** Before a figure, the level a stretch started from (从3826.5亿元增长到…, 由47.6%提升至…). */
export const FROM_WORDS: readonly string[] = ['从', '由'];
/**
 * In a stretch of several years, what makes a level hold for the whole stretch rather than its end
 * (年均超过46万人, 稳定在760亿斤以上, 占比保持在80%以上, 累计下降27.4%).
 */
export const WHOLE_SPAN_WORDS: readonly string[] = [
  '年均',
  '平均每年',
  '每年',
  '保持',
  '稳定',
  '连续',
  '累计',
  '始终',
];
/**
 * Nouns of a stock or of a yearly total: a figure right after one, with no verb of doing in its
 * clause, is the level at the end of a stretch (经营主体1160.5万户, 生产总值6.66万亿元).
 */
export const STOCK_NOUNS: readonly string[] = [
  '总值',
  '总额',
  '总量',
  '规模',
  '总数',
  '余额',
  '收入',
  '营收',
  '人口',
  '保有量',
  '里程',
  '经营主体',
  '市场主体',
];
/**
 * Verbs of doing: a figure whose clause has one counts what was done over the whole stretch
 * (完成投资3500亿元, 新增就业452万人, 建成养老服务机构932个), not a level at its end.
 */
export const DOING_VERBS: readonly string[] = [
  '新增',
  '新建',
  '建成',
  '完成',
  '引进',
  '培育',
  '实施',
  '开展',
  '改造',
  '治理',
  '投入',
  '创建',
  '打造',
  '办理',
  '发放',
  '落地',
  '开工',
];

/**
 * What states a goal (主要预期目标是：…, 力争达到, 确保…以上, 计划投资): the figures after it in its
 * sentence are targets, unless ACHIEVED_WORDS come just before it (实现预期目标, 优于国家考核目标).
 */
export const TARGET_WORDS: readonly string[] = [
  '预期目标',
  '主要目标',
  '奋斗目标',
  '目标任务',
  '目标是',
  '目标为',
  '力争',
  '确保',
  '力求',
];
/**
 * After a goal word, these make it part of a noun (目标任务体系, 目标导向, 目标责任制, 目标清单): the
 * sentence names a system of goals (聚焦“1+2+4+N”目标任务体系), it does not set one.
 */
export const TARGET_NOUN_TAILS: readonly string[] = ['体系', '导向', '责任', '清单', '考核', '管理'];
/**
 * 争取, 将, 拟 and 计划 state a goal only before a verb of reaching or doing: 争取资金 is money
 * obtained, and 计划 ends the names of programmes (行动计划, 英才计划, “双高计划”) whose figures,
 * in a review, are results; 计划投资, 计划新建 set a goal.
 */
export const GOAL_AUXILIARIES: readonly string[] = ['争取', '将', '拟', '计划'];
export const GOAL_VERBS: readonly string[] = [
  '达到',
  '实现',
  '完成',
  '突破',
  '超过',
  '增长',
  '提高',
  '提升',
  '控制',
  '新建',
  '建成',
  '新增',
  '投入',
  '投资',
  '开工',
  '实施',
  '改造',
];
/** Before a goal word, these say the goal was met: the figure is a result (完成年度目标, 优于考核目标). */
export const ACHIEVED_WORDS: readonly string[] = [
  '完成',
  '实现',
  '达到',
  '达成',
  '超额',
  '优于',
  '好于',
  '高于',
  '低于',
  '超过',
];
/** What states a preliminary result: the figures after it in its sentence are estimates. */
export const ESTIMATE_WORDS: readonly string[] = ['预计', '初步核算', '初步统计', '据初步'];
/** The estimate words a 统计公报 writes of its own, final figures (初步核算，全年地区生产总值…). */
export const PRELIMINARY_WORDS: readonly string[] = ['初步核算', '初步统计', '据初步'];

/** A heading with one of these holds a plan: its figures are targets (2026年重点工作, 下一步工作打算). */
export const PLAN_HEADING_WORDS: readonly string[] = [
  '工作安排',
  '工作计划',
  '工作打算',
  '工作思路',
  '工作重点',
  '工作要点',
  '重点工作',
  '主要工作',
  '主要任务',
  '重点任务',
  '目标任务',
  '主要目标',
  '预期目标',
  '发展目标',
  '总体要求',
  '努力方向',
  '下一步',
  '今后',
  '打算',
];
/** A heading with one of these holds a review: its figures are results (2025年工作回顾, 主要举措和成效). */
export const REVIEW_HEADING_WORDS: readonly string[] = [
  '回顾',
  '总结',
  '成效',
  '成就',
  '成绩',
  '进展',
  '情况',
  '做法',
  '举措',
];

/** The year a word names, from the report's own year (今年 is the report's, 去年 the one before). */
export const REPORT_YEAR_WORDS: Readonly<Record<string, number>> = { 今年: 0, 本年: 0, 去年: -1, 明年: 1 };
/** The year a report reviews, however it names it (一年来 in a 2026 work report is 2025). */
export const REVIEWED_YEAR_WORDS: readonly string[] = ['一年来', '过去一年', '过去的一年', '这一年'];
/** Before `N年`, the last N years up to the year reviewed (近三年, 过去五年, 这五年). */
export const LAST_YEARS_BEFORE: readonly string[] = ['最近', '近', '过去的', '过去', '这'];
/** After `N年`, the same (五年来, 三年间). */
export const LAST_YEARS_AFTER: readonly string[] = ['以来', '来', '间'];
/** Before `N年`, the N years from the year planned for (未来五年, 今后五年). */
export const NEXT_YEARS_BEFORE: readonly string[] = ['未来', '今后'];
/** A cumulative with no start said: since whenever records begin, up to the year reviewed. */
export const OPEN_START_WORDS: readonly string[] = ['历年累计', '历史累计', '累计至今', '至今累计'];
/** Parts of a year and their months (上半年 is 01–06, 前三季度 01–09). */
export const YEAR_PARTS: Readonly<Record<string, readonly [number, number]>> = {
  上半年: [1, 6],
  下半年: [7, 12],
  前三季度: [1, 9],
  一季度: [1, 3],
  二季度: [4, 6],
  三季度: [7, 9],
  四季度: [10, 12],
};
/**
 * Right before a time, these make it the base a change is measured against, not the time of the
 * figure (比2020年增长, 高于“十三五”时期1.2个百分点, 与上年持平).
 */
export const BASELINE_WORDS: readonly string[] = [
  '比',
  '较',
  '与',
  '同',
  '高于',
  '低于',
  '相比',
  '对比',
  '超过',
];
