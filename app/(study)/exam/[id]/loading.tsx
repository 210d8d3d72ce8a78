export default function Loading() {
  return (
    <main aria-busy="true">
      <p role="status">Loading your exam…</p>
    </main>
  );
}
