import type { Metadata } from 'next';
import { getCurrentUser } from '@/server/session';
import { statsFor } from '@/server/web/stats';
import { quizHistory } from '@/server/quiz-results';
import { listAttempts } from '@/server/exams';
import { examContext } from '@/server/exams/context';
import { StatsPage } from '@/components/stats/StatsPage';

export const metadata: Metadata = { title: 'Stats' };

export default async function Page() {
  const user = await getCurrentUser();
  if (!user) return <StatsPage data={null} />;
  const [stats, quizzes, exams] = await Promise.all([statsFor(user.id), quizHistory(user.id), examContext().then((ctx) => listAttempts(ctx, 20))]);
  return <StatsPage data={{ stats, quizzes, exams }} />;
}
