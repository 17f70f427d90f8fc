import { describe, expect, it } from "vitest";
import { chooseEncoding, prefersHtml } from "./api-docs-page";

const CHROMIUM_NAVIGATION =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
const FIREFOX_NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("prefersHtml", () => {
  it.each([
    ["Chromium opening the address", CHROMIUM_NAVIGATION, true],
    ["Firefox opening the address", FIREFOX_NAVIGATION, true],
    ["text/html alone", "text/html", true],
    ["HTML above JSON", "application/json;q=0.5, text/html", true],
    ["no Accept header", undefined, false],
    ["an empty Accept header", "", false],
    ["application/json", "application/json", false],
    ["anything (*/*)", "*/*", false],
    ["HTML and JSON alike (JSON, as before)", "text/html, application/json", false],
    ["JSON above HTML", "text/html;q=0.5, application/json", false],
    ["HTML refused", "text/html;q=0, */*", false],
    ["text/* (not HTML by name)", "text/*", false],
    ["a quality that is not a number", "text/html;q=abc", false],
  ])("%s: %s", (_what, accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});

describe("chooseEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["*", "br"],
    ["identity", undefined],
    ["gzip;q=0", undefined],
    [undefined, undefined],
  ])("%s: %s", (acceptEncoding, expected) => {
    expect(chooseEncoding(acceptEncoding)).toBe(expected);
  });
});
