/** Tells the marketer whether the numbers are fresh, so a lost connection never looks like a quiet drop. */
export function LiveStatus({ updatedAt, failed, pushed = false }: { updatedAt: number; failed: boolean; pushed?: boolean }) {
  const time = updatedAt ? new Date(updatedAt).toLocaleTimeString() : "never";
  if (failed && !pushed) {
    return (
      <p role="status" className="text-sm font-medium text-amber-800">
        Connection lost: numbers as of {time}. Retrying…
      </p>
    );
  }
  return (
    <p
      className="flex items-center gap-1.5 text-sm text-slate-500"
      data-testid="live-status"
      data-mode={pushed ? "push" : "poll"}
    >
      <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
      {pushed ? "Live (pushed)" : "Live (polling every second)"}, updated {time}
    </p>
  );
}
