/** Tells the marketer whether the numbers are fresh, so a lost connection never looks like a quiet drop. */
export function LiveStatus({ updatedAt, failed }: { updatedAt: number; failed: boolean }) {
  const time = updatedAt ? new Date(updatedAt).toLocaleTimeString() : "never";
  if (failed) {
    return (
      <p role="status" className="text-sm font-medium text-amber-800">
        Connection lost: numbers as of {time}. Retrying…
      </p>
    );
  }
  return (
    <p className="flex items-center gap-1.5 text-sm text-slate-500">
      <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
      Live, updated {time}
    </p>
  );
}
