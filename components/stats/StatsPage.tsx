import Link from 'next/link';
import type { StatsView } from '@/server/web/stats';
import type { QuizResultDTO } from '@/server/quiz-results';
import type { ExamSummaryDTO } from '@/server/exams';
import { ButtonLink, Card, EmptyState, IconChart, PageHeader, Stat, Table } from '@/components/ui';
import { ChartCard } from '@/components/stats/ChartCard';
import { MasteryTable } from '@/components/stats/MasteryTable';
import { ScoreTrend } from '@/components/exam/ScoreTrend';
import { formatPercent, plural } from '@/components/ui/format';

/** What the stats page shows a signed-in learner: review stats, quiz history, exam attempts (newest first). */
export interface StatsPageData {
  stats: StatsView;
  quizzes: QuizResultDTO[];
  exams: ExamSummaryDTO[];
}

const QUIZ_COLUMNS = [{ label: 'Date' }, { label: 'Quiz' }, { label: 'Score' }, { label: 'Retry', hidden: true }];

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

/** The stats page; `data` is null when nobody is signed in. */
export function StatsPage({ data }: { data: StatsPageData | null }) {
  if (!data) {
    return (
      <div className="stack">
        <PageHeader eyebrow="Progress" title="Stats" />
        <EmptyState title="Sign in to see your progress" icon={<IconChart />} actions={<><ButtonLink href="/signin" variant="primary">Sign in</ButtonLink><ButtonLink href="/signup">Create an account</ButtonLink></>}>
          Reviews per day, the retention you actually achieve, what falls due next and how well you know each topic.
        </EmptyState>
      </div>
    );
  }
  const { stats: s, quizzes, exams } = data;
  const finishedExams = exams.filter((a) => a.status === 'submitted').reverse();
  return (
    <div className="stack stack-lg">
      <PageHeader eyebrow="Progress" title="Stats" description="How much you study, how much you remember, and what comes next." />
      <div className="grid grid-stats">
        <Stat label="Reviews, last 30 days" value={s.totals.last30} hint={`${s.totals.reviews} in total`} tone="accent" />
        <Stat label="True retention" value={pct(s.totals.retention)} hint={`target ${pct(s.charts.target)} · ${plural(s.totals.retentionReviews, 'review')}`} tone="success" />
        <Stat label="Streak" value={s.totals.streak} hint={s.totals.streak === 1 ? 'day in a row' : 'days in a row'} tone="warning" />
        <Stat label="Due next 7 days" value={s.totals.dueNext7} hint="cards" />
      </div>
      {s.totals.reviews === 0 ? (
        <EmptyState title="No reviews yet" icon={<IconChart />} actions={<ButtonLink href="/review" variant="primary">Start reviewing</ButtonLink>}>
          Your charts fill in as you study. Grade a few flashcards and come back.
        </EmptyState>
      ) : (
        <div className="grid" style={{ ['--min' as string]: '26rem' }}>
          <ChartCard title="Reviews per day" description={`Last ${s.charts.reviewsPerDay.dates.length} days`} series={s.charts.reviewsPerDay} kind="bars" label="Reviews per day" unit={['review', 'reviews']} />
          <ChartCard title="True retention" description="Share of due cards you recalled, per week" series={s.charts.retention} kind="line" label="Recalled, per week" format="percent" reference={s.charts.target} referenceLabel="Desired retention" />
          <ChartCard title="Due forecast" description="Cards falling due in the next 30 days" series={s.charts.forecast} kind="bars" label="Cards due per day" unit={['card due', 'cards due']} />
        </div>
      )}
      <div className="two-col">
        <Card title="Practice exam scores" action={<Link href="/exam" className="small">Exams</Link>}>
          {finishedExams.length === 0 ? (
            <p className="muted small">No finished practice exam yet.</p>
          ) : finishedExams.length === 1 ? (
            <p>One exam so far: {formatPercent(finishedExams[0].score ?? 0)} on {day(finishedExams[0].startedAt)}.</p>
          ) : (
            <ScoreTrend points={finishedExams.map((a) => ({ score: a.score ?? 0, label: day(a.startedAt) }))} pass={70} />
          )}
        </Card>
        <Card title="Quiz history" action={<Link href="/quiz" className="small">New quiz</Link>} data-testid="quiz-history">
          {quizzes.length === 0 ? (
            <p className="muted small">Finished quizzes show here, with a trend and a button to retry the questions you missed.</p>
          ) : (
            <div className="stack stack-sm">
              {quizzes.length > 1 && <ScoreTrend points={[...quizzes].reverse().map((q) => ({ score: q.score, label: day(q.finishedAt) }))} pass={70} />}
              <Table className="table small" columns={QUIZ_COLUMNS}>
                {quizzes.map((q) => (
                  <tr key={q.id}>
                    <td>{day(q.finishedAt)}</td>
                    <td>{q.topic ? `${q.deckTitle}: ${q.topic}` : q.deckTitle}</td>
                    <td className="num">
                      {q.correct}/{q.total} ({formatPercent(q.score)})
                    </td>
                    <td>
                      {q.missed.length > 0 && (
                        <Link className="btn btn--sm" href={`/quiz?go=1&ids=${q.missed.map(encodeURIComponent).join(',')}`}>
                          Retry the {q.missed.length} missed
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            </div>
          )}
        </Card>
      </div>
      <Card title="Mastery by topic" action={<Link href="/decks" className="small">Decks</Link>} flush>
        <MasteryTable rows={s.mastery} />
      </Card>
    </div>
  );
}
