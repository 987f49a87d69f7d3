// An API error's message follows the caller's language; its code and status never do.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as unknownApiPath } from "@/app/api/[...path]/route";
import { ERROR_CODES } from "@/lib/errors/codes";
import { DomainError } from "@/lib/errors/domain-error";
import { apiLocale, errorReply } from "@/lib/http/errors";
import { messagesOf } from "@/lib/i18n/messages";

describe("API error messages", () => {
  it("keep the thrower's English message in English", () => {
    const reply = errorReply(new DomainError("SOLD_OUT", "All coupons have been claimed."), undefined, "en");
    expect(reply).toMatchObject({ status: 410, body: { error: "SOLD_OUT", message: "All coupons have been claimed." } });
  });

  it("are Korean per code in Korean, with the same code, status and extras", () => {
    const en = errorReply(new DomainError("NOT_STARTED", "Not yet.", { startsAt: "2026-12-12T01:00:00.000Z" }));
    const ko = errorReply(new DomainError("NOT_STARTED", "Not yet.", { startsAt: "2026-12-12T01:00:00.000Z" }), undefined, "ko");
    expect(ko.status).toBe(en.status);
    expect(ko.body).toEqual({ ...en.body, message: "아직 시작하지 않은 이벤트입니다." });
  });

  it("name the invalid fields of a zod error in Korean too", () => {
    const parsed = z.object({ title: z.string() }).safeParse({});
    const reply = errorReply(parsed.error, undefined, "ko");
    expect(reply.body).toMatchObject({ error: "INVALID_INPUT", message: "입력값이 올바르지 않습니다. (title)" });
    expect(reply.body.fields).toHaveProperty("title");
  });

  it("exist in Korean for every code", () => {
    for (const code of ERROR_CODES) expect(messagesOf("ko").apiErrors[code], code).toMatch(/[가-힣]/);
  });

  it("take the language from the cookie, then Accept-Language, else English (not DEFAULT_LOCALE)", () => {
    expect(apiLocale("NEXT_LOCALE=ko", "en-US")).toBe("ko");
    expect(apiLocale(undefined, "ko-KR,ko;q=0.9")).toBe("ko");
    expect(apiLocale(undefined, undefined)).toBe("en");
  });

  it("of an unknown API path are Korean too, with the same 404 NOT_FOUND", async () => {
    // The route answers synchronously; Response.json() is the promise.
    const ask = (headers: Record<string, string>) => unknownApiPath(new Request("http://app.test/api/nope", { headers }));
    const en = ask({});
    const ko = ask({ "accept-language": "ko-KR,ko;q=0.9" });
    expect(ko.status).toBe(en.status);
    expect(await en.json()).toMatchObject({ error: "NOT_FOUND", message: expect.stringMatching(/API endpoint/) });
    expect(await ko.json()).toEqual({ error: "NOT_FOUND", message: messagesOf("ko").apiErrors.NOT_FOUND });
  });
});
