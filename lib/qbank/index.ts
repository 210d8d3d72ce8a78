/**
 * lib/qbank: Markdown notes -> question bank.
 *
 * Lifecycle: the caller reads every note of a content folder and passes `{ path, content }` to
 * `compile` -> each note is parsed once with the `parser` preset (remark-parse, GFM, front matter)
 * -> the handlers walk its top-level nodes (one per mdast node type), reading explicit question
 * blocks and handing plain notes to the generators (one per rule) -> drafts get stable ids ->
 * the bank is validated against `BankSchema`. Diagnostics are collected, never thrown; the caller
 * fails the build when any is an error. Framework-free and I/O-free: it also runs in the browser.
 */
export {
  BankSchema,
  BlueprintSchema,
  ChoiceSchema,
  CommandSchema,
  DeckSchema,
  FrontMatterSchema,
  ObjectiveSchema,
  QuestionSchema,
  QuestionTypeSchema,
  parseBank,
} from './schema';
export type { Bank, Blueprint, ChangedFact, Choice, ChoiceQuestion, ChoiceQuestionType, Command, Deck, FrontMatter, Objective, Outdated, Question, QuestionOf, QuestionType } from './schema';
export { compile, compileBlueprint, parseNote, parser, serialiseBank } from './pipeline';
export type { CompileOptions, CompileResult, NoteInput } from './pipeline';
export { formatDiagnostic, sortDiagnostics } from './diagnostics';
export type { Diagnostic, Position, Severity } from './diagnostics';
export { remarkQuestions, extractQuestions } from './plugins/questions';
