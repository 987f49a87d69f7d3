"use client";
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./report.css";

type Build = (U: typeof uPlot, width: number) => uPlot.Options;

/**
 * A uPlot chart (canvas), sized to its container. uPlot is loaded only here, so only the report
 * page downloads it. The canvas is hidden from assistive technology: the figure's data table
 * says the same in text.
 */
export function UplotChart({ data, build, label }: { data: uPlot.AlignedData; build: Build; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import("uplot").then(({ default: U }) => {
      if (cancelled) return;
      chart = new U(build(U, el.clientWidth || 600), data, el);
      observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: chart.height }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [data, build]);
  return <div ref={box} role="img" aria-label={label} className="report-chart min-h-[240px] w-full" />;
}
