import Link from 'next/link';

export default function NotFound() {
  return (
    <div>
      <h1>Exam not found</h1>
      <p>
        This attempt does not exist or belongs to another account. <Link href="/exam">Back to practice exams</Link>
      </p>
    </div>
  );
}
