/** Tokens that may be used once (a solved sign-up challenge), remembered on every instance. */
export interface OneTimeTokens {
  /** True the first time `token` is seen within `ttlMs` (SET NX PX): a proof of work spends once. */
  firstUse(token: string, ttlMs: number): Promise<boolean>;
}
