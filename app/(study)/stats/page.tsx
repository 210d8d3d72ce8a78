import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/server/session';
import { statsFor } from '@/server/web/stats';
import { ButtonLink, Card, EmptyState, IconChart, PageHeader, Stat } from '@/components/ui';
import { ChartCard } from '@/components/stats/ChartCard';
import { MasteryTable } from '@/components/stats/MasteryTable';
import { ScoreTrend } from '@/components/exam/ScoreTrend';
import { formatPercent, plural } from '@/components/ui/format';
import { quizHistory } from '@/server/quiz-results';
import { listAttempts } from '@/server/exams';
import { examContext } from '@/server/exams/context';

export const metadata: Metadata = { title: 'Stats' };

export default async function StatsPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="stack">
        <PageHeader eyebrow="Progress" title="Stats" />
        <EmptyState title="Sign in to see your progress" icon={<IconChart />} actions={<><ButtonLink href="/signin" variant="primary">Sign in</ButtonLink><ButtonLink href="/signup">Create an account</ButtonLink></>}>
          Reviews per day, the retention you actually achieve, what falls due next and how well you know each topic.
        </EmptyState>
      </div>
    );
  }
  const [s, quizzes, exams] = await Promise.all([statsFor(user.id), quizHistory(user.id), examContext().then((ctx) => listAttempts(ctx, 20))]);
  const finishedExams = exams.filter((a) => a.status === 'submitted').reverse();
  const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
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
              <table className="table small">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Quiz</th>
                    <th scope="col">Score</th>
                    <th scope="col"><span className="visually-hidden">Retry</span></th>
                  </tr>
                </thead>
                <tbody>
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
                </tbody>
              </table>
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
