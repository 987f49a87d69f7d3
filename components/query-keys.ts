// Every react-query key of the browser, so that invalidating or patching a query names the same
// key its reader uses. Keys of one promotion share a prefix: removing it removes them all.
export const queryKeys = {
  stock: (promotionId: string) => ["stock", promotionId] as const,
  myClaims: ["me", "claims"] as const,
  admin: {
    all: ["admin"] as const,
    promotions: ["admin", "promotions"] as const,
    promotion: (id: string) => ["admin", "promotion", id] as const,
    winners: (id: string, page: number, pageSize: number) => ["admin", "promotion", id, "winners", page, pageSize] as const,
    audit: (id: string) => ["admin", "promotion", id, "audit"] as const,
    users: (q: string, page: number) => ["admin", "users", q, page] as const,
  },
};
