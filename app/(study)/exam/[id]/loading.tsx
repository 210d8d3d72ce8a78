export default function Loading() {
  return (
    <div aria-busy="true">
      <p role="status">Loading your exam…</p>
    </div>
  );
}
