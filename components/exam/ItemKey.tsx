import type { ExamResultDTO } from '@/server/exams';
import { Markdown } from '@/components/quiz/Markdown';
import s from './exam.module.css';

type Item = ExamResultDTO['items'][number];

/** Labels for a submitted item's outcome, shared by the result list and the review mode. */
export const OUTCOME: Record<Item['outcome'], { label: string; tone: 'pass' | 'fail' | 'skip' }> = {
  correct: { label: 'Correct', tone: 'pass' },
  incorrect: { label: 'Incorrect', tone: 'fail' },
  unanswered: { label: 'Not answered', tone: 'skip' },
  unfinished: { label: 'Not finished', tone: 'skip' },
};

const RESPONSE_LABEL = { yes: 'you said Yes', no: 'you said No', picked: 'your pick', 'not-picked': '', 'not-shown': 'not shown' } as const;

/** A submitted item's options: the key (✓/✗) beside what the learner did with each. */
export function ItemKey({ options }: { options: Item['options'] }) {
  return (
    <ul className={s.reviewOptions} aria-label="Options, with the key and your answer">
      {options.map((o, k) => (
        <li key={k} data-correct={o.correct || undefined}>
          <span>
            <span className={s.srOnly}>{o.correct ? 'Correct option: ' : 'Wrong option: '}</span>
            <span aria-hidden="true">{o.correct ? '✓ ' : '✗ '}</span>
            <Markdown text={o.text} inline />
          </span>
          <span className={s.optMeta}>{RESPONSE_LABEL[o.response]}</span>
        </li>
      ))}
    </ul>
  );
}
