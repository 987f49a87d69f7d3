// Every message exists in every language, with the same ICU arguments and tags: a key added to
// one file and forgotten in the other fails here, nested or not.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" -> message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The argument names ("days"), their kinds ("days:plural") and tags ("<count>") a message uses. */
function signature(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(el.value);
      if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:${TYPE[el.type]}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${TYPE[el.type]}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe("messages", () => {
  const [first, ...others] = LOCALES;
  const reference = leaves(messagesOf(first));

  it.each(others)("%s has exactly the keys of en", (locale) => {
    const keys = [...leaves(messagesOf(locale)).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(others)("%s uses the same ICU arguments and tags as en, key by key", (locale) => {
    const translated = leaves(messagesOf(locale));
    for (const [key, message] of reference) {
      expect(signature(translated.get(key) ?? ""), key).toEqual(signature(message));
    }
  });

  it("the comparison sees a nested key missing and a renamed argument", () => {
    const a = leaves({ x: { y: "{n, plural, other {# days}}", z: "a" } });
    const b = leaves({ x: { y: "{m, plural, other {#일}}" } });
    expect([...b.keys()]).not.toEqual([...a.keys()]);
    expect(signature(b.get("x.y")!)).not.toEqual(signature(a.get("x.y")!));
  });
});
