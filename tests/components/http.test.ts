// The browser's one fetch helper: how answers become data or an ApiFailure, and how the claim
// button's outcomes are read from them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestClaim } from "@/components/api";
import { ApiFailure, callApi, failureOf, fallbackMessage, parseRetryAfter, requestApi } from "@/components/http";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

function answerWith(...responses: (Response | Error)[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const r of responses) {
    if (r instanceof Error) fetchMock.mockRejectedValueOnce(r);
    else fetchMock.mockResolvedValueOnce(r);
  }
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("failureOf", () => {
  it("reads the API's error body: code, message and fields", () => {
    const failure = failureOf(400, new Headers(), {
      error: "INVALID_INPUT",
      message: "title: Required",
      fields: { title: ["Required."] },
    });
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({
      status: 400,
      code: "INVALID_INPUT",
      message: "title: Required",
      fields: { title: ["Required."] },
      retryAfterMs: undefined,
    });
  });

  it("keeps the whole body for codes that carry more", () => {
    const claim = { id: "c1", status: "ISSUED" };
    const failure = failureOf(409, new Headers(), { error: "ALREADY_CLAIMED", message: "You already have this coupon.", claim });
    expect(failure.body.claim).toEqual(claim);
  });

  it("reads an answer that is not the API's own (no JSON, no code) as an outage", () => {
    for (const body of [undefined, null, "Bad gateway", [1, 2], { message: "no code" }]) {
      expect(failureOf(502, new Headers(), body)).toMatchObject({
        status: 502,
        code: "UNAVAILABLE",
        message: fallbackMessage(),
        fields: {},
        body: {},
      });
    }
  });

  it("ignores fields that are not lists of messages, and a message that is not text", () => {
    const failure = failureOf(400, new Headers(), { error: "INVALID_INPUT", message: 42, fields: { title: "Required." } });
    expect(failure.fields).toEqual({});
    expect(failure.message).toBe(fallbackMessage());
  });

  it("takes Retry-After from the headers", () => {
    expect(failureOf(429, new Headers({ "Retry-After": "2" }), { error: "RATE_LIMITED", message: "Slow down." })).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterMs: 2000,
    });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-01T10:00:00Z");

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 3 ", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 10:00:05 GMT", now)).toBe(5000);
  });

  it("never answers a wait below zero", () => {
    expect(parseRetryAfter("-5", now)).toBe(0);
    expect(parseRetryAfter("Tue, 01 Dec 2026 09:59:00 GMT", now)).toBe(0);
  });

  it("is undefined when absent or unreadable", () => {
    for (const header of [null, "", "  ", "soon"]) expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe("requestApi", () => {
  it("sends JSON, never from the browser's cache, and returns the parsed answer", async () => {
    const fetchMock = answerWith(json(201, { promotion: { id: "p1" } }));
    const answer = await requestApi<{ promotion: { id: string } }>("/api/admin/promotions", {
      method: "POST",
      body: { title: "Drop" },
    });
    expect(answer.status).toBe(201);
    expect(answer.data).toEqual({ promotion: { id: "p1" } });
    expect(fetchMock).toHaveBeenCalledWith("/api/admin/promotions", {
      method: "POST",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Drop" }),
    });
  });

  it("sends a GET without a body or content type", async () => {
    const fetchMock = answerWith(json(200, { ok: true }));
    await callApi("/api/me/claims");
    expect(fetchMock).toHaveBeenCalledWith("/api/me/claims", {
      method: "GET",
      cache: "no-store",
      headers: undefined,
      body: undefined,
    });
  });

  it("answers 204 with no data", async () => {
    answerWith(new Response(null, { status: 204 }));
    await expect(callApi("/api/admin/promotions/p1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws an ApiFailure for an error answer", async () => {
    answerWith(json(409, { error: "HAS_CLAIMS", message: "A promotion with claims cannot be deleted." }));
    const failure = await callApi("/api/admin/promotions/p1", { method: "DELETE" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 409, code: "HAS_CLAIMS", message: "A promotion with claims cannot be deleted." });
  });

  it("throws an ApiFailure for a success whose body cannot be read", async () => {
    answerWith(new Response("<html>", { status: 200 }));
    await expect(callApi("/api/admin/promotions")).rejects.toMatchObject({ status: 200, code: "UNAVAILABLE" });
  });

  it("lets a network failure through as it is: no answer arrived", async () => {
    const offline = new TypeError("Failed to fetch");
    answerWith(offline);
    await expect(callApi("/api/me/claims")).rejects.toBe(offline);
  });
});

describe("requestClaim", () => {
  const claim = {
    id: "c1",
    promotionId: "p1",
    status: "ISSUED",
    couponCode: "ABCD-EFGH-JKLM",
    claimedAt: "2026-12-01T10:00:00Z",
  };

  it("is a win only with a 201 or 202 and its claim", async () => {
    answerWith(json(201, { claim, remaining: 4 }), json(202, { claim, remaining: 3 }), json(200, {}));
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "won", claim, remaining: 4 });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "won", claim, remaining: 3 });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "failed", message: fallbackMessage() });
  });

  it("maps refusals to what the button shows", async () => {
    answerWith(
      json(409, { error: "ALREADY_CLAIMED", message: "You already have this coupon.", claim }),
      json(410, { error: "SOLD_OUT", message: "All coupons have been claimed." }),
      json(403, {
        error: "NOT_STARTED",
        message: "Not yet.",
        startsAt: "2026-12-01T10:00:05Z",
        serverTime: "2026-12-01T10:00:00Z",
      }),
      json(403, { error: "NOT_ELIGIBLE", message: "Members only." }),
      json(401, { error: "UNAUTHENTICATED", message: "Sign in first." }),
      json(500, { error: "INTERNAL", message: "Something broke." }),
    );
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "already", claim });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "closed", status: "SOLD_OUT" });
    await expect(requestClaim("p1")).resolves.toEqual({
      kind: "notStarted",
      startsAt: "2026-12-01T10:00:05Z",
      // The refusal's server time is a clock sample, taken straight from the server (no Age).
      clock: expect.objectContaining({ serverTime: Date.parse("2026-12-01T10:00:00Z"), ageMs: null }) as unknown,
    });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "refused", message: "Members only." });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "signedOut" });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "failed", message: "Something broke." });
  });

  it("waits Retry-After on 429 and 503, even without the API's body", async () => {
    answerWith(
      json(429, { error: "RATE_LIMITED", message: "Slow down." }, { "Retry-After": "2" }),
      new Response("Service Unavailable", { status: 503 }),
    );
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "retry", reason: "RATE_LIMITED", afterMs: 2000 });
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "retry", reason: "UNAVAILABLE", afterMs: 1000 });
  });

  it("retries a claim whose request got no answer (a second claim answers with the first)", async () => {
    answerWith(new TypeError("Failed to fetch"));
    await expect(requestClaim("p1")).resolves.toEqual({ kind: "retry", reason: "UNAVAILABLE", afterMs: 2000 });
  });
});
