import type { Metadata } from 'next';
import { Badge, ButtonLink, Card, IconArrowRight, IconFlame, PageHeader, Stat } from '@/components/ui';
import { Heatmap } from '@/components/stats/Heatmap';
import { demoActivity } from '@/components/stats/demo';

export const metadata: Metadata = { title: { absolute: 'NetPrep — Docker networking exam prep' } };

function localToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export default async function DashboardPage() {
  const today = localToday();
  return (
    <div className="stack stack-lg">
      <PageHeader
        eyebrow="Docker Certified Associate · Networking"
        title="Learn Docker networking for good"
        description="Spaced-repetition flashcards, quizzes, timed practice exams and a terminal that runs docker network commands against a simulated engine. Your progress is saved when you sign up."
        actions={
          <>
            <ButtonLink href="/review" variant="primary" size="lg">
              Try a review <IconArrowRight width={18} height={18} />
            </ButtonLink>
            <ButtonLink href="/signup" size="lg">Create a free account</ButtonLink>
          </>
        }
      />
      <div className="grid grid-stats" aria-label="Sample statistics">
        <Stat label="Due today" value={14} hint="sample" tone="accent" />
        <Stat label="New available" value={20} hint="sample" />
        <Stat label="Streak" value={<span className="cluster cluster-sm">6 <IconFlame width={22} height={22} /></span>} hint="days in a row" tone="warning" />
        <Stat label="Last practice exam" value="78%" hint="pass mark 70%" tone="success" />
      </div>
      <Card title="Review activity" action={<Badge tone="info">Sample</Badge>}>
        <Heatmap days={demoActivity(today)} today={today} />
      </Card>
    </div>
  );
}
