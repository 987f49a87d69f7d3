// The HTTP contract against the production server (next build + npm start).
import { expect, test } from "@playwright/test";
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
