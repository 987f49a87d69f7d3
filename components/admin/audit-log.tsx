"use client";
import { useTranslations } from "next-intl";
import { ZonedTime } from "@/components/zoned-time";
import type { AuditEntry } from "./api";
import { useAudit } from "./queries";

type Json = AuditEntry["changes"];
type JsonObject = { [key: string]: Json | undefined };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isChange = (value: Json | undefined): value is { from: Json; to: Json } =>
  isObject(value) && "from" in value && "to" in value;

/** A recorded value; times in the promotion's zone, as its schedule is shown. */
function Value({ value, timeZone }: { value: Json | undefined; timeZone: string }) {
  const t = useTranslations("audit");
  if (typeof value === "string" && ISO_TIME.test(value)) return <ZonedTime iso={value} timeZone={timeZone} />;
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>;
  if (value === "" || value === null || value === undefined) return <span className="text-slate-500 italic">{t("empty")}</span>; // slate-400 was 2.6:1 on white
  return <>{typeof value === "object" ? JSON.stringify(value) : value}</>;
}

/** One line per field: "old → new" for changes, the value for a creation. */
function Changes({ changes, timeZone }: { changes: Json; timeZone: string }) {
  const t = useTranslations("audit.field");
  // Every action records its fields as an object; anything else has no fields to list.
  if (!isObject(changes)) return null;
  // A field this version has no name for (an older record) shows its key.
  const label = (field: string) => (t.has(field as never) ? t(field as never) : field);
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
      {Object.entries(changes).map(([field, value]) => (
        <li key={field}>
          <span className="font-medium">{label(field)}:</span>{" "}
          {isChange(value) ? (
            <>
              <Value value={value.from} timeZone={timeZone} /> → <Value value={value.to} timeZone={timeZone} />
            </>
          ) : (
            <Value value={value} timeZone={timeZone} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who changed what and when, newest first, in the promotion's time zone. */
export function AuditLog({ promotionId, timeZone }: { promotionId: string; timeZone: string }) {
  const t = useTranslations("audit");
  const query = useAudit(promotionId);
  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {query.isError && (
        <p role="alert" className="text-red-700">
          {t("loadFailed", { message: query.error.message })}
        </p>
      )}
      {query.data && (
        <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {query.data.map((entry) => (
            <li key={entry.id} className="px-4 py-3">
              <p className="text-sm">
                <span className="font-medium text-slate-900">{entry.actor ?? t("system")}</span>{" "}
                {t("action", { action: entry.action })}
                <span className="text-slate-500">
                  {" · "}
                  <ZonedTime iso={entry.createdAt} timeZone={timeZone} />
                </span>
              </p>
              {/* Pause and resume say it all in their action. */}
              {entry.action !== "pause" && entry.action !== "resume" && <Changes changes={entry.changes} timeZone={timeZone} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
