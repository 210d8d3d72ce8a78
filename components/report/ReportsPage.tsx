import Link from 'next/link';
import type { ReportDTO } from '@/server/reports';
import { ButtonLink, EmptyState, PageHeader, Table } from '@/components/ui';

const COLUMNS = [{ label: 'When' }, { label: 'Question' }, { label: 'Report' }, { label: 'From' }];

/**
 * The authors' page: every "report a problem" learners sent, newest first, with where the question lives.
 * `data` is null when nobody is signed in; `bankVersion` is the version of the bank loaded now.
 */
export function ReportsPage({ data }: { data: { reports: ReportDTO[]; bankVersion: string } | null }) {
  if (!data)
    return (
      <div className="stack">
        <PageHeader eyebrow="Authors" title="Problem reports" />
        <EmptyState title="Sign in to read the reports" actions={<ButtonLink href="/signin?callbackUrl=/reports" variant="primary">Sign in</ButtonLink>}>
          Learners report wrong keys, typos and unclear prompts from flashcards, quizzes and exam reviews.
        </EmptyState>
      </div>
    );
  const { reports, bankVersion: current } = data;
  return (
    <div className="stack">
      <PageHeader
        eyebrow="Authors"
        title="Problem reports"
        description={`Reports from flashcards, quizzes and exam reviews, newest first. The bank now is version ${current}; a report made on another version may already be fixed.`}
      />
      {reports.length === 0 ? (
        <p className="muted">No reports yet.</p>
      ) : (
        <Table columns={COLUMNS}>
          {reports.map((r) => (
            <tr key={r.id}>
              <td className="small">{r.createdAt.slice(0, 16).replace('T', ' ')} UTC</td>
              <td className="small">
                {r.question ? (
                  <Link href={`/decks/${encodeURIComponent(r.question.deck)}#L${r.question.line}`}>
                    {r.question.file}:{r.question.line}
                  </Link>
                ) : (
                  <span className="muted">no longer in the bank</span>
                )}
                <br />
                <code>{r.questionId}</code>
                <br />
                <span className={r.bankVersion === current ? 'muted' : ''}>bank {r.bankVersion}{r.bankVersion === current ? '' : ' (older)'}</span>
              </td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.text}</td>
              <td className="small">{r.source}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
