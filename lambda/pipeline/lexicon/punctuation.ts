/**
 * Punctuation of the genre, full-width and half-width side by side (reports mix them, often in
 * one sentence). Each set is a string of its members; char-class.ts turns one into a RegExp class
 * body, a Set or a code table. Where a place reads a narrower or wider set than its neighbours it
 * gets its own name here, with why, so that no two places drift apart unseen.
 */

/** What ends a sentence: the full stop, the exclamation and question marks. */
export const SENTENCE_ENDS = '。！？!?';
export const FULL_STOP = '。';
export const SEMICOLONS = '；;';
export const COMMAS = '，,';
export const COLONS = '：:';
/** 顿号: between the items of a list (食品、石化、医药), never after a clause. */
export const ENUMERATION_COMMA = '、';
/** Pauses inside a sentence that still close a clause. */
export const PAUSES = `${COMMAS}${SEMICOLONS}${COLONS}`;

/** What ends a clause that could stand alone: the sentence ends and the semicolons (一是… ；二是…). */
export const CLAUSE_ENDS = `${SENTENCE_ENDS}${SEMICOLONS}`;
/**
 * CLAUSE_ENDS and a line break: where a total's sentence starts (合计965条 looks back to it); the
 * text it reads is the whole report, whose lines are not split yet.
 */
export const CLAUSE_ENDS_AND_LINE_BREAK = `${CLAUSE_ENDS}\n`;
/** Every mark a clause ends at, pauses included: the clause read before a figure starts after one. */
export const CLAUSE_MARKS = `${CLAUSE_ENDS}${COMMAS}${COLONS}\n`;
/**
 * Where a dataset's sentence excerpt may be cut: CLAUSE_MARKS with 、 (a long list is cut between
 * its items) and without the line break, which a sentence never holds.
 */
export const EXCERPT_CUT_MARKS = `${CLAUSE_ENDS}${COMMAS}${COLONS}${ENUMERATION_COMMA}`;
/**
 * CLAUSE_MARKS without ！？!?: the phrase after 每季度 (每季度召开1次) that a norm is read from. A
 * rule is stated, not exclaimed or asked, so the narrower set was never widened; it stays as it
 * is because which numbers are norms is published.
 */
export const STATEMENT_MARKS = `${FULL_STOP}${PAUSES}\n`;
/**
 * Full-width 。，；only: the clause of `2026年是“十五五”开局之年` in a 政府工作报告, a genre
 * typeset full-width throughout; its year is published as the report's, so the set stays narrow.
 */
export const WIDE_CLAUSE_MARKS = '。，；';

/** Closing quotes and brackets that may follow a sentence end and still belong to the sentence. */
export const CLOSERS = '”’」』）)》】〕"\'';
/**
 * The closers that may stand between a clause end and a 一是/第一， that opens the next sentence:
 * CLOSERS without 》】〕 and the straight quotes. Narrower since it was written; widening it
 * would make new heading markers, and headings are published, so it waits for a report to need it.
 */
export const MARKER_CLOSERS = '”’」』）)';

export const OPEN_PARENS = '（(';
export const CLOSE_PARENS = '）)';
/** Brackets of a document's title, opener then closer: 《…》, 〈…〉. */
export const TITLE_BRACKET_PAIRS: readonly string[] = ['《》', '〈〉'];
/** Quotes, opener then closer (the straight " closes itself and is not among them). */
export const QUOTE_PAIRS: readonly string[] = ['“”', '‘’', '「」', '『』'];
/**
 * Every quote and title bracket, the straight " too: what a label is written without
 * (“放管服”改革 → 放管服改革) and what protected ranges (a title, a slogan) are found from.
 */
export const QUOTE_MARKS = `${[...TITLE_BRACKET_PAIRS, ...QUOTE_PAIRS].join('')}"`;
/** The pipes a table is drawn with, ASCII and full-width. */
export const PIPES = '|｜';
/** What separates a table's cells: pipes, a tab, an ideographic space, or a run of spaces. */
export const TABLE_MARKS = `${PIPES}\t \u3000`;
