/**
 * The structure room: a decoded text → its title, entity, year and kind, the heading tree,
 * paragraphs, sentences and the page footer, the genre marks of a 政府工作报告, and the page
 * navigation words to skip. Everything later stages ask about where a figure sits (its section,
 * its sentence) is answered from the ReportStructure this room builds.
 */
export { sentenceExcerpt } from './excerpt.ts';
export { sectionOf } from './headings.ts';
export { isNavigationLine } from './navigation.ts';
export { parseStructure, sectionPathAt, sentenceAt } from './structure.ts';
