/**
 * The question bank contract: the zod schemas are the single source of truth and every
 * TypeScript type of the bank is derived from them with `z.infer`.
 */
import { z } from 'zod';

/** The five question kinds, as a schema and as a string union. */
export const QuestionTypeSchema = z.enum(['qa', 'cloze', 'single-choice', 'multiple-choice', 'command']);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

/** One answer option of a choice question. */
export const ChoiceSchema = z.object({ text: z.string().min(1), correct: z.boolean() }).strict();
export type Choice = z.infer<typeof ChoiceSchema>;

/** Whether a command task compares the end state of the engine or the printed output. */
export const CheckModeSchema = z.enum(['state', 'output']);
export type CheckMode = z.infer<typeof CheckModeSchema>;

/** A command task: setup lines, accepted solutions (each a list of lines), check mode, swarm nodes. */
export const CommandSchema = z
  .object({
    setup: z.array(z.string().min(1)),
    solutions: z.array(z.array(z.string().min(1)).min(1)).min(1),
    mode: CheckModeSchema,
    nodes: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
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

export const QuestionSchema = z
  .object({
    id: z.string().min(1),
    deck: z.string().min(1),
    topic: z.array(z.string()),
    type: QuestionTypeSchema,
    prompt: z.string().min(1),
    answer: z.string().min(1).optional(),
    choices: z.array(ChoiceSchema).min(2).optional(),
    command: CommandSchema.optional(),
    explanation: z.string().min(1).optional(),
    tags: z.array(z.string().min(1)).optional(),
    docs: z.array(z.url()).optional(),
    source: SourceSchema,
    sourceItem: z.string().min(1),
    outdated: OutdatedSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const need = (ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', message });
    };
    switch (q.type) {
      case 'qa':
      case 'cloze':
        need(q.answer !== undefined, `a ${q.type} question needs an answer`);
        need(q.choices === undefined && q.command === undefined, `a ${q.type} question has no choices or command`);
        break;
      case 'single-choice':
        need(q.choices?.filter((c) => c.correct).length === 1, 'a single-choice question has exactly one correct choice');
        break;
      case 'multiple-choice':
        need((q.choices?.filter((c) => c.correct).length ?? 0) >= 1, 'a multiple-choice question has a correct choice');
        break;
      case 'command':
        need(q.command !== undefined, 'a command question needs a command');
        break;
      default: {
        const never: never = q.type;
        throw new Error(`unknown question type ${String(never)}`);
      }
    }
  });
export type Question = z.infer<typeof QuestionSchema>;

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
