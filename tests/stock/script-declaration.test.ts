// A script's keys and arguments are declared by name; the declaration alone decides positions.
import { describe, expect, it } from "vitest";
import { defineScript } from "@/lib/engine/transport/script";

const ECHO = defineScript({
  name: "echo",
  keys: ["a", "b"],
  args: ["x"],
  each: { name: "items", keys: ["left", "right"], args: ["weight"] },
  rest: "tail",
  lua: "return 0",
});

describe("defineScript", () => {
  it("lays out named keys, then each item's keys; named args, then each item's args, then the rest", () => {
    const input = {
      a: "ka",
      b: "kb",
      x: 7,
      items: [
        { left: "l1", right: "r1", weight: 1 },
        { left: "l2", right: "r2", weight: 2 },
      ],
      tail: ["t1", "t2"],
    };
    expect(ECHO.positions(input)).toEqual({ keys: ["ka", "kb", "l1", "r1", "l2", "r2"], args: [7, 1, 2, "t1", "t2"] });
  });

  it("binds every name to a Lua local reading those positions", () => {
    expect(ECHO.lua).toContain("local a = KEYS[1]");
    expect(ECHO.lua).toContain("local x = ARGV[1]");
    expect(ECHO.lua).toContain("for i = 0, (#KEYS - 2) / 2 - 1 do");
    expect(ECHO.lua).toContain("items[i + 1] = {left = KEYS[3 + i * 2], right = KEYS[4 + i * 2], weight = ARGV[2 + i * 1]}");
    expect(ECHO.lua).toContain("for i = 2 + #items * 1, #ARGV do tail[#tail + 1] = ARGV[i] end");
    expect(ECHO.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("refuses a missing value, a name Lua cannot hold, and a repeated item without a key", () => {
    expect(() => ECHO.positions({ a: "ka", x: 1, items: [], tail: [] } as never)).toThrow(/no value for b/);
    expect(() => defineScript({ name: "bad", keys: ["not-a-name"], lua: "" })).toThrow(/not a Lua name/);
    expect(() => defineScript({ name: "bad", keys: [], each: { name: "items", keys: [], args: ["n"] }, lua: "" })).toThrow(
      /needs a key/,
    );
  });
});
