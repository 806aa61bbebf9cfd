import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { rewriteListRequests, LIST_MARKER_HEADER } from "./list-method.js";

describe("LIST request rewriting", () => {
  test("rewrites a LIST request line at the start and after a previous request's headers", () => {
    const input = "LIST /v1/secret/metadata HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/a HTTP/1.1\r\nHost: x\r\n\r\nLIST /v1/b HTTP/1.1\r\nHost: x\r\n\r\n";
    const out = rewriteListRequests(Buffer.from(input)).toString();
    assert.equal(
      out,
      `GET /v1/secret/metadata HTTP/1.1\r\n${LIST_MARKER_HEADER}: LIST\r\nHost: x\r\n\r\nGET /v1/a HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/b HTTP/1.1\r\n${LIST_MARKER_HEADER}: LIST\r\nHost: x\r\n\r\n`,
    );
  });

  test("leaves other requests and LIST inside a body alone", () => {
    const body = '{"note":"LIST /v1/x"}';
    const input = `POST /v1/secret/data/x HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    assert.equal(rewriteListRequests(Buffer.from(input)).toString(), input);
  });
});
