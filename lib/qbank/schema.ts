/**
 * The question bank contract: the zod schemas are the single source of truth and every
 * TypeScript type of the bank is derived from them with `z.infer`.
 */
import { z } from 'zod';

/** One answer option of a choice question. */
export const ChoiceSchema = z.object({ text: z.string().min(1), correct: z.boolean() }).strict();
export type Choice = z.infer<typeof ChoiceSchema>;

/** Whether a command task compares the end state of the engine or the printed output. */
export const CheckModeSchema = z.enum(['state', 'output']);
export type CheckMode = z.infer<typeof CheckModeSchema>;

/** A command task: setup lines, accepted solutions (each a list of lines), check mode, swarm nodes, asked columns. */
const commandShape = {
  setup: z.array(z.string().min(1)),
  solutions: z.array(z.array(z.string().min(1)).min(1)).min(1),
  mode: CheckModeSchema,
  nodes: z.array(z.string().min(1)).min(1).optional(),
  /** output tasks printing a table: the columns the prompt asks for (`NETWORK ID|NAME`: either), lib/cli/projection */
  columns: z.array(z.string().min(1)).min(1).optional(),
};
export const CommandSchema = z.object(commandShape).strict();
export type Command = z.infer<typeof CommandSchema>;

export const SourceSchema = z.object({ file: z.string().min(1), line: z.number().int().min(1) }).strict();

/**
 * A question that depends on a Docker fact which has since changed (lib/qbank/changed-facts.ts):
 * the release that changed it, what to know instead, and Docker's page saying so. Outdated
 * questions stay browsable with a banner but are left out of practice exams and the review queue.
 */
export const OutdatedSchema = z
  .object({
    since: z.string().min(1),
    note: z.string().min(1),
    source: z.url(),
  })
  .strict();
export type Outdated = z.infer<typeof OutdatedSchema>;

/** One reviewed entry of the changed-facts table. */
export const ChangedFactSchema = z
  .object({
    /** Stable id (kebab-case). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** What changed: a flag, feature or behaviour, as a learner would name it. */
    subject: z.string().min(1),
    change: z.enum(['removed', 'legacy', 'renamed', 'corrected']),
    /** The release (or event) that changed it: "Engine 23.0". */
    since: z.string().min(1),
    /** What to know or use instead. */
    replacement: z.string().min(1),
    /** One or two sentences shown to the learner. */
    note: z.string().min(1),
    /** Docker's documentation or release notes saying so. */
    source: z.url(),
    /** Case-insensitive patterns; a question depends on the fact when its prompt, key or source item matches one. */
    match: z.array(z.string().min(1)).min(1),
    /** Case-insensitive patterns; a question matching one of these (anywhere) already teaches the change. */
    unless: z.array(z.string().min(1)).optional(),
    /** Texts that must (`dependsOn`) and must not (`independent`) match: the entry's own test cases. */
    examples: z.object({ dependsOn: z.array(z.string()).min(1), independent: z.array(z.string()).min(1) }).strict(),
  })
  .strict();
export type ChangedFact = z.infer<typeof ChangedFactSchema>;

/** Zod's own message for a wrong value, `message` when the field is missing. */
const whenMissing = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined) });

/**
 * One variant of `QuestionSchema`: the fields every question has plus the variant's `answer`,
 * `choices` and `command`, in the bank's key order (zod writes a parsed object in shape order, and
 * generated/bank.json is that output).
 */
function questionVariant<T extends string, A extends z.ZodType, C extends z.ZodType, M extends z.ZodType>(type: T, fields: { answer: A; choices: C; command: M }) {
  return z
    .object({
      id: z.string().min(1),
      deck: z.string().min(1),
      topic: z.array(z.string()),
      type: z.literal(type),
      prompt: z.string().min(1),
      answer: fields.answer,
      choices: fields.choices,
      command: fields.command,
      explanation: z.string().min(1).optional(),
      tags: z.array(z.string().min(1)).optional(),
      docs: z.array(z.url()).optional(),
      source: SourceSchema,
      sourceItem: z.string().min(1),
      outdated: OutdatedSchema.optional(),
    })
    .strict();
}

/** A typed-answer question (qa, cloze): an answer, and neither choices nor a command. */
function typedAnswerSchema<T extends 'qa' | 'cloze'>(type: T) {
  const absent = z.never({ error: `a ${type} question has no choices or command` }).optional();
  return questionVariant(type, { answer: z.string(whenMissing(`a ${type} question needs an answer`)).min(1), choices: absent, command: absent });
}

/** A choice question: two or more choices, `correct` judging how many are marked correct. */
function choiceSchema<T extends 'single-choice' | 'multiple-choice'>(type: T, correct: (n: number) => boolean, message: string) {
  const choices = z
    .array(ChoiceSchema, whenMissing(message))
    .min(2)
    .refine((cs) => correct(cs.filter((c) => c.correct).length), message);
  return questionVariant(type, { answer: z.string().min(1).optional(), choices, command: CommandSchema.optional() });
}

/**
 * One question of the bank, a discriminated union on `type`: narrowing on `type` gives the
 * variant's fields (a qa's `answer`, a choice question's `choices`, a command task's `command`).
 * Every other question-type union in the code derives from this one (`QuestionType`,
 * `QuestionOf<...>`, `ChoiceQuestion`). Besides its own field, a choice question may carry an
 * answer and a command, and a command task an answer and choices (accepted before the union, kept).
 */
export const QuestionSchema = z.discriminatedUnion('type', [
  typedAnswerSchema('qa'),
  typedAnswerSchema('cloze'),
  choiceSchema('single-choice', (n) => n === 1, 'a single-choice question has exactly one correct choice'),
  choiceSchema('multiple-choice', (n) => n >= 1, 'a multiple-choice question has a correct choice'),
  questionVariant('command', {
    answer: z.string().min(1).optional(),
    choices: z.array(ChoiceSchema).min(2).optional(),
    command: z.object(commandShape, whenMissing('a command question needs a command')).strict(),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;

/** The five question kinds, in the union's order, as a string union and as a schema. */
export type QuestionType = Question['type'];
export const QuestionTypeSchema = z.enum(QuestionSchema.options.map((o) => o.shape.type.value) as [QuestionType, ...QuestionType[]]);

/** The variant of one question type: `QuestionOf<'command'>` has a `command`. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** The choice questions (single-choice, multiple-choice): the variants whose `choices` are required. */
export type ChoiceQuestion = Extract<Question, { choices: Choice[] }>;
export type ChoiceQuestionType = ChoiceQuestion['type'];

/** Is `q` a choice question? */
export function isChoiceQuestion<Q extends Pick<Question, 'type'>>(q: Q): q is Q & { type: ChoiceQuestionType } {
  return Object.hasOwn(CHOICE_TYPES, q.type);
}
const CHOICE_TYPES = { 'single-choice': true, 'multiple-choice': true } as const satisfies Record<ChoiceQuestionType, true>;

export const DeckSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    file: z.string().min(1),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    domain: z.string().optional(),
    weight: z.number().optional(),
    topics: z.array(z.array(z.string())),
    questionCount: z.number().int().min(0),
  })
  .strict();
export type Deck = z.infer<typeof DeckSchema>;

export const ObjectiveSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    count: z.number().int().min(0),
    tags: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Objective = z.infer<typeof ObjectiveSchema>;

export const BlueprintSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    questions: z.number().int().min(1),
    minutes: z.number().positive(),
    passPercent: z.number().min(0).max(100),
    domcShare: z.number().min(0).max(1),
    objectives: z.array(ObjectiveSchema).min(1),
  })
  .strict();
export type Blueprint = z.infer<typeof BlueprintSchema>;

export const BankSchema = z
  .object({
    version: z.literal(1),
    decks: z.array(DeckSchema),
    questions: z.array(QuestionSchema),
    blueprints: z.array(BlueprintSchema),
  })
  .strict();
export type Bank = z.infer<typeof BankSchema>;

/** Optional YAML front matter of a note. Unknown keys are errors so typos surface. */
export const FrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes').optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    tags: z.array(z.string().min(1)).optional(),
    domain: z.string().optional(),
    weight: z.number().min(0).optional(),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/**
 * Validate a bank read from disk or the network.
 * @param json the parsed JSON value
 * @returns the typed bank; throws a ZodError when it does not match the contract
 */
export function parseBank(json: unknown): Bank {
  return BankSchema.parse(json);
}
