export default function HomePage() {
  return (
    <main>
      <h1>NetPrep</h1>
      <p>
        Study the networking domain of the Docker Certified Associate exam with flashcards, quizzes, timed practice
        exams and a terminal that runs real <code>docker</code> commands against a simulated engine.
      </p>
    </main>
  );
}
