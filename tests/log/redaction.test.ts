// Request logging: no log line holds the value of a query parameter named like a credential.
import { describe, expect, it } from "vitest";
import { REDACTED, redactUrlCredentials } from "@/lib/log-redact";
import { spawnAppScript } from "@/tests/support/app-script";

/** Runs tests/support/log-child.ts against `url` and returns its log lines, parsed. */
function logOf(url: string): Promise<Record<string, unknown>[]> {
  const child = spawnAppScript("log-child.ts", [url]);
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.once("exit", () =>
      resolve(
        out
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      ),
    ),
  );
}

describe("the log", () => {
  it("never holds a credential sent in a query string: requests, errors, messages", async () => {
    const secrets = ["hunter2-pw", "s3cr3t-value", "tok-abc123", "pw%40encoded"];
    const url = `http://localhost/api/probe?email=a%40b.test&password=${secrets[0]}&page=2&client_secret=${secrets[1]}&access_token=${secrets[2]}&callbackUrl=%2Fp%3Fpassword%3D${secrets[3]}`;
    const lines = await logOf(url);
    const text = JSON.stringify(lines);

    // The lines that hold the URL are there, with the harmless parameters intact.
    const unhandled = lines.find((l) => l.msg === "unhandled error") as { error: { code: string; input: string } } | undefined;
    expect(unhandled?.error.code).toBe("ERR_INVALID_URL");
    expect(unhandled?.error.input).toContain(`password=${REDACTED}&page=2&client_secret=${REDACTED}&access_token=${REDACTED}`);
    expect(lines.find((l) => l.msg === "request")).toMatchObject({ path: "/api/probe", status: 500 });
    expect(lines.find((l) => typeof l.msg === "string" && l.msg.startsWith("validator unavailable"))?.url).toContain(
      `callbackUrl=%2Fp%3Fpassword%3D${REDACTED}`,
    );
    expect(lines.find((l) => l.msg === "next-auth")).toBeDefined();
    expect(text).toContain("page=2");
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("cleans values of credential-named parameters only", () => {
    expect(redactUrlCredentials("/signin?email=a%40b.c&password=x&y=1")).toBe(`/signin?email=a%40b.c&password=${REDACTED}&y=1`);
    expect(redactUrlCredentials("GET /signup?name=&PASSWORD=p#top")).toBe(`GET /signup?name=&PASSWORD=${REDACTED}#top`);
    expect(redactUrlCredentials('{"u":"https://h/x?api_key=k1&csrfToken=t"}')).toBe(
      `{"u":"https://h/x?api_key=${REDACTED}&csrfToken=${REDACTED}"}`,
    );
    expect(redactUrlCredentials("/cb?callbackUrl=%2Fp%3Fsecret%3Dv%26a%3D1")).toBe(
      `/cb?callbackUrl=%2Fp%3Fsecret%3D${REDACTED}%26a%3D1`,
    );
    expect(redactUrlCredentials("/p/drop?page=2&sort=stock")).toBe("/p/drop?page=2&sort=stock");
    expect(redactUrlCredentials("password=plain text outside a query")).toBe("password=plain text outside a query");
  });
});
