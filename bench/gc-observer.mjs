// Preloaded (node --import) into the profiled production server: writes every garbage collection as
// one line on stderr, "[gc] <epoch ms> <kind> <duration ms>", synchronously so each line is in
// the log as it happens and the harness can count the collections of a time window.
import { writeSync } from "node:fs";
import { PerformanceObserver, constants, performance } from "node:perf_hooks";

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const at = performance.timeOrigin + entry.startTime;
    const kind = KINDS[entry.detail?.kind ?? entry.kind] ?? "other";
    writeSync(2, `[gc] ${at.toFixed(1)} ${kind} ${entry.duration.toFixed(3)}\n`);
  }
}).observe({ entryTypes: ["gc"] });
