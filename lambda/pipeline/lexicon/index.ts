/**
 * The lexicon: the characters and words the extractor reads Chinese reports by, each owned once
 * under a name that says what it is. Sets of characters are plain strings of their members
 * (SENTENCE_ENDS, CLAUSE_ENDS, CLOSERS, CN_NUMERALS, DIGITS …), made into RegExp class bodies,
 * Sets or code tables by char-class.ts, and word lists looked up by a string's end by
 * suffixes.ts; word lists are arrays in the order rules try them; what
 * ends a sentence is decided in sentence-ends.ts alone, and the words a figure's period, status
 * and change are read by live in meaning-words.ts. Where one reader needs a narrower or
 * wider set than the others, the variant has its own name and says why, because the published
 * figures depend on each. The lexicon is the bottom room: it imports nothing else of the pipeline.
 */
export { alternationOf, classOf, codeTableOf } from './char-class.ts';
export {
  ASCII_DIGITS,
  CN_MAGNITUDES,
  CN_NUMERALS,
  CN_ONE_TO_TEN,
  CN_YEAR_DIGITS,
  DECIMAL_MARKS,
  DIGITS,
  isDecimalCode,
  isDigitCode,
  isMinusCode,
  LIST_NUMBER_MARKS,
  MINUS_SIGNS,
} from './digits.ts';
export {
  ACHIEVED_WORDS,
  AGAINST_WORDS,
  BASELINE_WORDS,
  COMPARED_DOWN_WORDS,
  COMPARED_UP_WORDS,
  DOING_VERBS,
  DOWN_WORDS,
  ESTIMATE_WORDS,
  FROM_WORDS,
  GOAL_AUXILIARIES,
  GOAL_VERBS,
  LAST_YEARS_AFTER,
  LAST_YEARS_BEFORE,
  LEADING_CHANGE_VERBS,
  NEW_ITEM_WORDS,
  NEXT_YEARS_BEFORE,
  OPEN_START_WORDS,
  PLAN_HEADING_WORDS,
  PRELIMINARY_WORDS,
  REACHED_WORDS,
  REPORT_YEAR_WORDS,
  REVIEW_HEADING_WORDS,
  REVIEWED_YEAR_WORDS,
  STOCK_NOUNS,
  TARGET_NOUN_TAILS,
  TARGET_WORDS,
  UP_WORDS,
  WHOLE_SPAN_WORDS,
  YEAR_PARTS,
} from './meaning-words.ts';
export {
  CLAUSE_MARKS,
  CLOSE_PARENS,
  COLONS,
  COMMAS,
  ENUMERATION_COMMA,
  EXCERPT_CUT_MARKS,
  OPEN_PARENS,
  PAUSES,
  PIPES,
  QUOTE_MARKS,
  QUOTE_PAIRS,
  SEMICOLONS,
  SENTENCE_ENDS,
  STATEMENT_MARKS,
  TABLE_MARKS,
  TITLE_BRACKET_PAIRS,
  WIDE_CLAUSE_MARKS,
} from './punctuation.ts';
export { HAN_RANGE, isHanCode, isLatinLetterCode, NAME_HAN_RANGE } from './scripts.ts';
export {
  AFTER_CLAUSE_END,
  isClauseEndCode,
  isClauseEndOrLineBreakCode,
  isSentenceEndCode,
  SENTENCE_END,
  sentenceEndAfter,
} from './sentence-ends.ts';
export { Suffixes } from './suffixes.ts';
export {
  BOUNDS_AFTER_DURATION,
  BOUNDS_AFTER_UNIT,
  CHANGE_WORDS,
  isListSeparatorCode,
  LABEL_CHANGE_WORDS,
  PERIOD_WORDS,
  PREVIOUS_YEAR_WORDS,
  TOTAL_WORDS,
} from './words.ts';
