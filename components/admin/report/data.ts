// The report's data in the browser: its type (from the server's own function) and its fetch.
import { callApi } from "@/components/http";
import type { Jsonified } from "@/components/jsonified";
import type { Outcome } from "@/lib/metrics/outcomes";
import type { DropReport } from "@/lib/promotions/drop-report";

export type Report = Jsonified<DropReport>;
export type ReportPoint = Report["series"][number];

export const reportUrl = (id: string, format: "json" | "csv" | "entrants-csv" = "json") =>
  `/api/admin/promotions/${id}/report${format === "json" ? "" : `?format=${format}`}`;

export const fetchReport = (id: string) => callApi<Report>(reportUrl(id));

/**
 * The outcomes in stacking order, with their colours (each at least 3:1 against white, as WCAG
 * asks of graphics; the tables carry the exact numbers). Their names are messages (report.outcome).
 */
export const OUTCOME_STYLE: { outcome: Outcome; color: string }[] = [
  { outcome: "won", color: "#047857" },
  { outcome: "soldOut", color: "#64748b" },
  { outcome: "alreadyClaimed", color: "#2563eb" },
  { outcome: "rateLimited", color: "#c2410c" },
  { outcome: "notEligible", color: "#7c3aed" },
  { outcome: "notStarted", color: "#a16207" },
  { outcome: "unavailable", color: "#dc2626" },
  { outcome: "other", color: "#334155" },
];

/** "12:00:03" in the promotion's time zone (24-hour, the same in every language). */
export const clockTime = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour12: false });
