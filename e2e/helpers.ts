import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Challenge } from "altcha-lib";
import { E2E_ADMIN } from "../playwright.config";
import { solveSignupChallenge } from "../tests/support/challenge";

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@e2e.test`;
export const PASSWORD = "a-good-password";

/** Signs in through next-auth's credentials endpoint; the session cookie lands in `request`'s jar. */
export async function signIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(res.ok()).toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email.toLowerCase());
  return session.user as { id: string; email: string; role: "USER" | "ADMIN" };
}

/**
 * POST /api/auth/signup as a scripted client must: with the sign-up challenge solved (altcha-lib's
 * solver, in Node). Returns the answer.
 */
export async function postSignUp(request: APIRequestContext, data: { email: string; password: string; name?: string }) {
  const challenge = (await (await request.get("/api/auth/challenge")).json()) as Challenge;
  return request.post("/api/auth/signup", { data: { ...data, altcha: await solveSignupChallenge(challenge) } });
}

export async function signUpAndSignIn(request: APIRequestContext, email = uniqueEmail(), password = PASSWORD) {
  const res = await postSignUp(request, { email, password });
  expect(res.status()).toBe(201);
  return signIn(request, email, password);
}

/** An admin API client of its own (separate cookie jar from any page). */
export async function adminRequest(baseURL: string) {
  const request = await playwrightRequest.newContext({ baseURL });
  await signIn(request, E2E_ADMIN.email, E2E_ADMIN.password);
  return request;
}

export interface PromotionInput {
  title?: string;
  totalStock?: number;
  startsInMs?: number;
  durationMs?: number;
  published?: boolean;
}

export async function createPromotion(admin: APIRequestContext, input: PromotionInput = {}) {
  const startsAt = new Date(Date.now() + (input.startsInMs ?? -1_000));
  const res = await admin.post("/api/admin/promotions", {
    data: {
      title: input.title ?? `E2E drop ${randomBytes(3).toString("hex")}`,
      description: "Created by an end-to-end test.",
      totalStock: input.totalStock ?? 10,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + (input.durationMs ?? 3_600_000)).toISOString(),
      discount: { type: "PERCENT", value: 25 },
      published: input.published ?? true,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).promotion as { id: string; slug: string; title: string; totalStock: number };
}

/** `ms` from now as a `datetime-local` value in `timeZone`, and the UTC instant it stands for (whole seconds). */
export function zonedTime(ms: number, timeZone = "Asia/Seoul") {
  const d = new Date(Math.floor((Date.now() + ms) / 1000) * 1000);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    value: `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`,
    iso: d.toISOString(),
  };
}
