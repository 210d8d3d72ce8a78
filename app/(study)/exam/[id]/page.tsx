import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ExamError, getExamView } from '@/server/exams';
import { ExamRunner } from '@/components/exam/ExamRunner';
import { answerChoiceAction, answerDomcAction, flagAction, gotoAction, submitAction } from '../actions';
import { examContext } from '@/server/exams/context';

export const metadata: Metadata = { title: 'Exam in progress' };
export const dynamic = 'force-dynamic';

export default async function ExamAttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await examContext();
  let view;
  try {
    view = await getExamView(ctx, decodeURIComponent(id));
  } catch (e) {
    if (e instanceof ExamError && (e.kind === 'not-found' || e.kind === 'bad-request')) notFound();
    throw e;
  }
  if (view.status === 'submitted') redirect(`/exam/${encodeURIComponent(view.id)}/result`);
  return (
    <div>
      <ExamRunner
        key={view.id}
        initial={view}
        actions={{ answerDomc: answerDomcAction, answerChoice: answerChoiceAction, flag: flagAction, goto: gotoAction, submit: submitAction }}
      />
    </div>
  );
}
