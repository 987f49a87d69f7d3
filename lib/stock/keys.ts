// All keys of one promotion share the hash tag {id}, so every script touches a single
// Redis Cluster slot.
export function promotionKeys(promotionId: string) {
  const tag = `promo:{${promotionId}}`;
  return {
    meta: `${tag}:meta`, // hash: startsAt, endsAt, paused, published, total
    stock: `${tag}:stock`, // remaining count
    winners: `${tag}:winners`, // set of user ids
    staging: `${tag}:winners:staging`, // winners being loaded, renamed into place atomically
    lock: `${tag}:lock`, // rebuild lock
  };
}
