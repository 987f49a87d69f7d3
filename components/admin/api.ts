// The browser's calls to the admin JSON API. Types only from lib/: nothing server-side is bundled.
import type { PromotionView } from "@/lib/promotions/view";

export interface PromotionStats {
  claimed: number; // issued + pending
  issued: number;
  pending: number;
  failed: number;
}

/** The public view of a promotion plus what only marketers see. */
export interface AdminPromotion extends PromotionView {
  published: boolean;
  paused: boolean;
}

export interface DashboardPromotion extends AdminPromotion {
  stats: PromotionStats;
  /** Claims per second over the last minute, oldest first. */
  claimsPerSecond: number[];
}

export interface PromotionDetail {
  promotion: AdminPromotion;
  stats: PromotionStats;
}

export interface Winner {
  id: string;
  email: string;
  status: "ISSUED" | "PENDING" | "FAILED";
  couponCode: string | null;
  claimedAt: string;
}

export interface WinnersPage {
  claims: Winner[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: string | null;
  changes: Record<string, unknown>;
  createdAt: string;
}

export type FieldErrors = Partial<Record<string, string[]>>;

/** An error answer of the API: `{error, message, fields?}` plus the HTTP status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? "GET",
    cache: "no-store",
    headers: init?.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiFailure(
      res.status,
      body?.error ?? "UNAVAILABLE",
      body?.message ?? `Request failed with ${res.status}.`,
      body?.fields,
    );
  }
  return body as T;
}

const base = "/api/admin/promotions";

export const fetchPromotions = () => call<{ promotions: DashboardPromotion[] }>(base).then((b) => b.promotions);
export const fetchPromotion = (id: string) => call<PromotionDetail>(`${base}/${id}`);
export const fetchWinners = (id: string, page: number, pageSize: number) =>
  call<WinnersPage>(`${base}/${id}/claims?page=${page}&pageSize=${pageSize}`);
export const fetchAudit = (id: string) => call<{ entries: AuditEntry[] }>(`${base}/${id}/audit`).then((b) => b.entries);
export const winnersCsvUrl = (id: string) => `${base}/${id}/claims?format=csv`;

/** The bodies are sent as typed, already checked against the shared schema by the form. */
export const createPromotion = (body: object) => call<{ promotion: AdminPromotion }>(base, { method: "POST", body });
export const updatePromotion = (id: string, body: object) => call<PromotionDetail>(`${base}/${id}`, { method: "PATCH", body });
export const setPaused = (id: string, paused: boolean) =>
  call<PromotionDetail>(`${base}/${id}/${paused ? "pause" : "resume"}`, { method: "POST" });
export const deletePromotion = (id: string) => call<void>(`${base}/${id}`, { method: "DELETE" });
