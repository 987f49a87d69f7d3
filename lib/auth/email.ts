// One account per mailbox: the form of an address the uniqueness check compares. Pure, so the
// migration's backfill, the seed and the tests can reason about the same rules.

/** A provider that ignores dots and "+tags" in the local part; `canonical` is the domain it is known by. */
export type DotlessDomains = ReadonlyMap<string, string>;

/** "gmail.com,googlemail.com=gmail.com": each domain, optionally "=" the domain it stands for. */
export function parseDotlessDomains(list: string): DotlessDomains {
  const map = new Map<string, string>();
  for (const entry of list.split(",")) {
    const [domain, canonical] = entry.split("=").map((part) => part.trim().toLowerCase());
    if (domain) map.set(domain, canonical || domain);
  }
  return map;
}

export const DEFAULT_DOTLESS_DOMAINS = "gmail.com,googlemail.com=gmail.com";

/**
 * Trimmed and lower-cased; for providers that ignore them (gmail.com by default, googlemail.com
 * being the same mailbox) without dots and without the "+tag" in the local part.
 */
export function canonicalEmail(email: string, dotless: DotlessDomains): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const provider = dotless.get(domain);
  if (!provider) return address;
  const mailbox = local.split("+")[0].replaceAll(".", "");
  // "+tag@gmail.com" has no mailbox left: keep the address as typed rather than invent one.
  return mailbox ? `${mailbox}@${provider}` : address;
}
