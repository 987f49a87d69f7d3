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
 * The outcomes in stacking order, with their names and colours (each at least 3:1 against
 * white, as WCAG asks of graphics; the tables carry the exact numbers).
 */
export const OUTCOME_STYLE: { outcome: Outcome; label: string; color: string }[] = [
  { outcome: "won", label: "Won", color: "#047857" },
  { outcome: "soldOut", label: "Sold out", color: "#64748b" },
  { outcome: "alreadyClaimed", label: "Already claimed", color: "#2563eb" },
  { outcome: "rateLimited", label: "Rate limited", color: "#c2410c" },
  { outcome: "notEligible", label: "Not eligible", color: "#7c3aed" },
  { outcome: "notStarted", label: "Not started", color: "#a16207" },
  { outcome: "unavailable", label: "Unavailable (503)", color: "#dc2626" },
  { outcome: "other", label: "Other", color: "#334155" },
];

/** "12:00:03" in the viewer's time zone. */
export const clockTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour12: false });

export const ms = (value: number | null) => (value === null ? "—" : `${value} ms`);
