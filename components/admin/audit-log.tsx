"use client";
import { LocalTime } from "@/components/local-time";
import type { AuditEntry } from "./api";
import { fieldLabel } from "./labels";
import { useAudit } from "./queries";

const ACTIONS: Record<string, string> = {
  create: "created it",
  update: "changed",
  pause: "paused it",
  resume: "resumed it",
  delete: "deleted it",
};

type Json = AuditEntry["changes"];
type JsonObject = { [key: string]: Json | undefined };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isChange = (value: Json | undefined): value is { from: Json; to: Json } =>
  isObject(value) && "from" in value && "to" in value;

function Value({ value }: { value: Json | undefined }) {
  if (typeof value === "string" && ISO_TIME.test(value)) return <LocalTime iso={value} />;
  if (typeof value === "boolean") return <>{value ? "yes" : "no"}</>;
  if (value === "" || value === null || value === undefined) return <span className="text-slate-500 italic">(empty)</span>; // slate-400 was 2.6:1 on white
  return <>{typeof value === "object" ? JSON.stringify(value) : value}</>;
}

/** One line per field: "old → new" for changes, the value for a creation. */
function Changes({ changes }: { changes: Json }) {
  // Every action records its fields as an object; anything else has no fields to list.
  if (!isObject(changes)) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
      {Object.entries(changes).map(([field, value]) => (
        <li key={field}>
          <span className="font-medium">{fieldLabel(field)}:</span>{" "}
          {isChange(value) ? (
            <>
              <Value value={value.from} /> → <Value value={value.to} />
            </>
          ) : (
            <Value value={value} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who changed what and when, newest first. */
export function AuditLog({ promotionId }: { promotionId: string }) {
  const query = useAudit(promotionId);
  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Audit log
      </h2>
      {query.isError && (
        <p role="alert" className="text-red-700">
          Could not load the audit log: {query.error.message}
        </p>
      )}
      {query.data && (
        <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {query.data.map((entry) => (
            <li key={entry.id} className="px-4 py-3">
              <p className="text-sm">
                <span className="font-medium text-slate-900">{entry.actor ?? "System"}</span>{" "}
                {ACTIONS[entry.action] ?? entry.action}
                <span className="text-slate-500">
                  {" · "}
                  <LocalTime iso={entry.createdAt} />
                </span>
              </p>
              {/* Pause and resume say it all in their action. */}
              {entry.action !== "pause" && entry.action !== "resume" && <Changes changes={entry.changes} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
