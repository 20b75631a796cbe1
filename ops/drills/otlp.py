"""A small OTLP/HTTP trace receiver for drills: accepts ExportTraceServiceRequest protobuf bodies
on /v1/traces and keeps (service.name, trace id, span id, parent span id, span name) per span.
Only the protobuf wire format is decoded (no generated code, no dependency): the few fields a
drill needs, as the OpenTelemetry protocol defines them."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Span:
    service: str
    trace_id: str
    span_id: str
    parent_span_id: str
    name: str


def _varint(data: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        b = data[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def fields(data: bytes):
    """(field number, wire type, value) of one message; length-delimited values as bytes."""
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 1:
            value, i = data[i:i + 8], i + 8
        elif wire == 2:
            length, i = _varint(data, i)
            value, i = data[i:i + length], i + length
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, wire, value


def _service_name(resource: bytes) -> str:
    for number, _, kv in fields(resource):
        if number != 1:  # Resource.attributes
            continue
        key = value = None
        for n, _, v in fields(kv):
            if n == 1:
                key = v.decode()
            elif n == 2:  # AnyValue.string_value = 1
                value = next((x.decode() for m, _, x in fields(v) if m == 1), None)
        if key == "service.name":
            return value or ""
    return ""


def decode_spans(body: bytes) -> list[Span]:
    spans = []
    for number, _, resource_spans in fields(body):
        if number != 1:  # ExportTraceServiceRequest.resource_spans
            continue
        service = ""
        scope_spans = []
        for n, _, v in fields(resource_spans):
            if n == 1:
                service = _service_name(v)
            elif n == 2:
                scope_spans.append(v)
        for scope in scope_spans:
            for n, _, span in fields(scope):
                if n != 2:  # ScopeSpans.spans
                    continue
                values = {m: v for m, _, v in fields(span) if m in (1, 2, 4, 5)}
                spans.append(Span(service, values.get(1, b"").hex(), values.get(2, b"").hex(),
                                  values.get(4, b"").hex(), values.get(5, b"").decode()))
    return spans


class Receiver:
    def __init__(self, port: int):
        self.spans: list[Span] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (the http.server API)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                try:
                    decoded = decode_spans(body)
                    with receiver.lock:
                        receiver.spans.extend(decoded)
                    self.send_response(200)
                except (ValueError, IndexError):
                    self.send_response(400)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Receiver":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()

    def of_trace(self, trace_id: str) -> list[Span]:
        with self.lock:
            return [s for s in self.spans if s.trace_id == trace_id]
