// The HTTP contract against the production server (next build + npm start).
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { appServerEnv } from "../playwright.config";
import { adminRequest, createPromotion, signUpAndSignIn, uniqueEmail } from "./helpers";

test("health reports both dependencies", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok", stock: { engine: "redis", ok: true } });
});

test("unknown API paths and bad bodies answer in the JSON error shape", async ({ request }) => {
  const missing = await request.get("/api/nothing/here");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: "NOT_FOUND" });
  const bad = await request.post("/api/auth/signup", { data: "{oops", headers: { "content-type": "application/json" } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "INVALID_INPUT" });
});

test("sign up, sign in, claim once, see it in my claims", async ({ request, baseURL }) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 2 });

  const anonymous = await request.post(`/api/promotions/${promotion.id}/claim`);
  expect(anonymous.status()).toBe(401);

  const email = uniqueEmail();
  await signUpAndSignIn(request, email);
  const won = await request.post(`/api/promotions/${promotion.id}/claim`);
  expect(won.status()).toBe(201);
  const { claim, remaining } = await won.json();
  expect(remaining).toBe(1);
  expect(claim).toMatchObject({ promotionId: promotion.id, status: "ISSUED" });

  const again = await request.post(`/api/promotions/${promotion.id}/claim`);
  expect(again.status()).toBe(409);
  expect((await again.json()).claim).toEqual(claim);

  const mine = await (await request.get("/api/me/claims")).json();
  expect(mine.claims[0]).toMatchObject({ id: claim.id, couponCode: claim.couponCode, promotion: { id: promotion.id } });

  const stock = await (await request.get(`/api/promotions/${promotion.id}/stock`)).json();
  expect(stock).toMatchObject({ remaining: 1, totalStock: 2, status: "LIVE" });
  await admin.dispose();
});

test("a plain user gets 403 from the admin API", async ({ request }) => {
  await signUpAndSignIn(request);
  const res = await request.get("/api/admin/promotions");
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "FORBIDDEN" });
});

test("a top-up through the admin API reaches the next press at once (one state per process)", async ({ baseURL }) => {
  // The admin route and the claim's fast lane run in one process: the sold-out hint the claims
  // learned must be forgotten by the top-up itself, not a second later when the hint expires.
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 1 });
  // Everyone signs in first, so the presses after the top-up follow it within milliseconds.
  const people = await Promise.all(
    Array.from({ length: 5 }, async () => {
      const request = await playwrightRequest.newContext({ baseURL });
      await signUpAndSignIn(request);
      return request;
    }),
  );
  const press = (request: (typeof people)[number]) => request.post(`/api/promotions/${promotion.id}/claim`);
  const [winner, lateA, lateB, newcomerA, newcomerB] = people;

  expect((await press(winner)).status()).toBe(201);
  expect((await press(lateA)).status()).toBe(410);
  // The first SOLD_OUT makes the process fetch the winners; this press is answered from that hint.
  await expect.poll(async () => (await press(lateB)).status()).toBe(410);

  const topUp = await admin.patch(`/api/admin/promotions/${promotion.id}`, { data: { totalStock: 3 } });
  expect(topUp.status()).toBe(200);
  const first = await press(newcomerA);
  const second = await press(newcomerB);
  expect({ first: first.status(), second: second.status() }).toEqual({ first: 201, second: 201 });
  expect((await press(lateA)).status()).toBe(410);

  await Promise.all([...people, admin].map((request) => request.dispose()));
});

test("the production process loads lib/ once, for every Next layer and the fast lane", async ({ request, baseURL }) => {
  // A page (server components), a route handler and the fast lane each use lib/; the instrumentation
  // hook started the process with it. Bundled per layer, the count would be 3 or more.
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 1 });
  expect((await request.get(`/p/${promotion.slug}`)).status()).toBe(200);
  expect((await request.get("/api/promotions")).status()).toBe(200);
  expect((await request.get(`/api/promotions/${promotion.id}/stock`)).status()).toBe(200);
  const metrics = await request.get("/api/metrics", { headers: { authorization: `Bearer ${appServerEnv.METRICS_TOKEN}` } });
  expect(metrics.status()).toBe(200);
  const copies = (await metrics.text()).split("\n").find((line) => line.startsWith("coupon_lib_copies "));
  expect(copies).toBe("coupon_lib_copies 1");
  await admin.dispose();
});
