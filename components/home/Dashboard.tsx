import Link from 'next/link';
import type { DashboardView, BankTotals } from '@/server/web/dashboard';
import type { ExamSummaryDTO } from '@/server/exams';
import { Badge, ButtonLink, Card, IconArrowRight, IconFlame, PageHeader, ProgressBar, Stat } from '@/components/ui';
import { Heatmap } from '@/components/stats/Heatmap';
import { demoActivity } from '@/components/stats/demo';
import { ExamInProgress } from '@/components/exam/ExamInProgress';
import { formatPercent, plural } from '@/components/ui/format';

const MODES = [
  { href: '/review', title: 'Flashcards', text: 'Spaced repetition: each card returns just before you would forget it.' },
  { href: '/quiz', title: 'Quizzes', text: 'Pick a topic, answer in your own words or commands, get instant feedback.' },
  { href: '/lab', title: 'Command lab', text: 'A terminal running docker network commands against a simulated engine.' },
  { href: '/exam', title: 'Practice exam', text: 'Timed, blueprint-weighted, in the real Discrete Option Multiple Choice style.' },
];

function Modes() {
  return (
    <Card title="Ways to study">
      <ul className="stack stack-sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {MODES.map((m) => (
          <li key={m.href}>
            <Link href={m.href} className="mode-link">
              <strong>{m.title}</strong>
              <span className="muted small">{m.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Streak({ days }: { days: number }) {
  return (
    <span className="cluster cluster-sm">
      <span className="num">{days}</span> <IconFlame width={22} height={22} />
    </span>
  );
}

/** What the dashboard shows a signed-in learner. */
export interface DashboardData {
  name: string | null;
  dashboard: DashboardView;
  /** The latest exam attempts, newest first. */
  attempts: ExamSummaryDTO[];
  /** Weeks the activity heatmap spans. */
  weeks: number;
}

/** The home page of a signed-in learner: what is due, the streak, activity, an exam in progress. */
export function Dashboard({ data }: { data: DashboardData }) {
  const { name, dashboard: d, attempts, weeks } = data;
  const activeExam = attempts.find((a) => a.status === 'active');
  const lastExam = attempts.find((a) => a.status === 'submitted');
  const due = d.counts.dueToday + d.counts.learning;
  const doneToday = d.counts.reviewsDoneToday + d.counts.newStudiedToday;
  const planned = doneToday + due + d.counts.newAvailable;
  const nothingLeft = due + d.counts.newAvailable === 0;
  return (
    <div className="stack stack-lg">
      <PageHeader
        eyebrow="Dashboard"
        title={`${d.totalReviews === 0 ? 'Welcome' : 'Welcome back'}${name ? `, ${name.split(' ')[0]}` : ''}`}
        description={
          nothingLeft
            ? 'You are done for today. Come back tomorrow, or sharpen up with a quiz or the lab.'
            : `${plural(due + d.counts.newAvailable, 'card is', 'cards are')} waiting: about ${plural(Math.max(1, Math.round((due + d.counts.newAvailable) * 0.15)), 'minute')}.`
        }
        actions={
          nothingLeft ? (
            <ButtonLink href="/quiz" variant="primary" size="lg">Take a quiz <IconArrowRight width={18} height={18} /></ButtonLink>
          ) : (
            <ButtonLink href="/review" variant="primary" size="lg">Study now <IconArrowRight width={18} height={18} /></ButtonLink>
          )
        }
      />
      {activeExam && <ExamInProgress id={activeExam.id} title={activeExam.title} deadline={activeExam.deadline} serverNow={new Date().toISOString()} />}
      <div className="grid grid-stats">
        <Stat label="Due today" value={<span className="num" data-testid="due-today">{due}</span>} hint={d.counts.learning ? `${d.counts.learning} in learning` : 'reviews'} tone="accent" />
        <Stat label="New available" value={d.counts.newAvailable} hint={`of ${plural(d.questionCount, 'question')}`} />
        <Stat label="Streak" value={<Streak days={d.streak} />} hint={d.streak === 1 ? 'day in a row' : 'days in a row'} tone="warning" />
        <Stat label="Retention" value={d.retention === null ? '–' : `${Math.round(d.retention * 100)}%`} hint="recalled when due" tone="success" />
        {lastExam && <Stat label="Last practice exam" value={formatPercent(lastExam.score ?? 0)} hint={lastExam.passed ? 'passed' : 'not passed yet'} />}
      </div>
      <div className="two-col">
        <Card title="Review activity" action={<Link href="/stats" className="small">All stats</Link>}>
          <Heatmap days={d.activity} today={d.today} weeks={weeks} />
        </Card>
        <Card title="Today">
          <div className="stack">
            <ProgressBar label="Today's cards" value={doneToday} max={Math.max(1, planned)} valueText={`${doneToday} / ${planned}`} tone={nothingLeft ? 'success' : 'accent'} />
            <p className="muted small" style={{ margin: 0 }}>
              {d.counts.dueTomorrow} due tomorrow · {plural(d.totalReviews, 'review')} in total
            </p>
            <div className="cluster cluster-sm">
              <ButtonLink href="/exam" size="sm">Practice exam</ButtonLink>
              <ButtonLink href="/lab" size="sm" variant="ghost">Open the lab</ButtonLink>
            </div>
          </div>
        </Card>
      </div>
      <Modes />
    </div>
  );
}


/** The home page of a visitor: what NetPrep is, with sample figures. */
export function GuestLanding({ totals, weeks }: { totals: BankTotals; weeks: number }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="stack stack-lg">
      <PageHeader
        eyebrow="Docker Certified Associate · Networking"
        title="Learn Docker networking for good"
        description={`${totals.questions || 'Hundreds of'} questions in ${totals.decks || 'eight'} decks, ${totals.commands ? `${totals.commands} of them command tasks you solve in a simulated terminal` : 'with command tasks you solve in a simulated terminal'}, scheduled so each comes back just before you would forget it.`}
        actions={
          <>
            <ButtonLink href="/review" variant="primary" size="lg">Study now <IconArrowRight width={18} height={18} /></ButtonLink>
            <ButtonLink href="/signup" size="lg">Create a free account</ButtonLink>
          </>
        }
      />
      <section aria-labelledby="sample-title" className="stack stack-sm">
        <p id="sample-title" className="small muted" style={{ margin: 0 }}>
          <Badge tone="info">Sample</Badge> What your dashboard looks like after a few weeks (made-up numbers, not yours):
        </p>
        <div className="grid grid-stats" data-testid="sample-stats">
          <Stat label="Due today" value={14} hint="sample" tone="accent" />
          <Stat label="New available" value={20} hint="sample" />
          <Stat label="Streak" value={<Streak days={6} />} hint="sample: days in a row" tone="warning" />
          <Stat label="Last practice exam" value="78%" hint="sample: pass mark 70%" tone="success" />
        </div>
      </section>
      <div className="two-col">
        <Card title="Review activity" action={<Badge tone="info">Sample</Badge>}>
          <Heatmap days={demoActivity(today, weeks)} today={today} weeks={weeks} />
        </Card>
        <Card title="Your progress, saved">
          <p className="muted small">Sign up to keep a schedule, a streak and your exam history.</p>
          <ButtonLink href="/signup" variant="primary" block>Sign up free</ButtonLink>
          <p className="small center" style={{ margin: '0.75rem 0 0' }}>Have an account? <Link href="/signin">Sign in</Link></p>
        </Card>
      </div>
      <Modes />
    </div>
  );
}
