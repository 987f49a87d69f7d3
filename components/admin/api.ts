// The browser's calls to the admin API. Their answers are typed by the server's own functions
// (types only from lib/: nothing server-side is bundled).
import { callApi } from "@/components/http";
import type { Jsonified } from "@/components/jsonified";
import type { createPromotion as create, getPromotionWithStats, listPromotionsWithStats } from "@/lib/promotions/admin";
import type { listAudit, listWinners } from "@/lib/promotions/reports";

/** One promotion of the dashboard: the admin view, its counts and its claims per second. */
export type DashboardPromotion = Jsonified<Awaited<ReturnType<typeof listPromotionsWithStats>>[number]>;
/** GET, PATCH, pause and resume of one promotion. */
export type PromotionDetail = Jsonified<Awaited<ReturnType<typeof getPromotionWithStats>>>;
/** The public view of a promotion plus what only marketers see (publish state, services). */
export type AdminPromotion = PromotionDetail["promotion"];
export type PromotionStats = PromotionDetail["stats"];
export type WinnersPage = Jsonified<Awaited<ReturnType<typeof listWinners>>>;
export type AuditEntry = Jsonified<Awaited<ReturnType<typeof listAudit>>[number]>;
type CreatedPromotion = Jsonified<Awaited<ReturnType<typeof create>>>;

const base = "/api/admin/promotions";

export const fetchPromotions = async () => (await callApi<{ promotions: DashboardPromotion[] }>(base)).promotions;
export const fetchPromotion = (id: string) => callApi<PromotionDetail>(`${base}/${id}`);
export const fetchWinners = (id: string, page: number, pageSize: number) =>
  callApi<WinnersPage>(`${base}/${id}/claims?page=${page}&pageSize=${pageSize}`);
export const fetchAudit = async (id: string) => (await callApi<{ entries: AuditEntry[] }>(`${base}/${id}/audit`)).entries;
export const winnersCsvUrl = (id: string) => `${base}/${id}/claims?format=csv`;

/** The bodies are sent as typed, already checked against the shared schema by the form. */
export const createPromotion = (body: object) => callApi<{ promotion: CreatedPromotion }>(base, { method: "POST", body });
export const updatePromotion = (id: string, body: object) => callApi<PromotionDetail>(`${base}/${id}`, { method: "PATCH", body });
export const setPaused = (id: string, paused: boolean) =>
  callApi<PromotionDetail>(`${base}/${id}/${paused ? "pause" : "resume"}`, { method: "POST" });
export const deletePromotion = (id: string) => callApi<void>(`${base}/${id}`, { method: "DELETE" });
