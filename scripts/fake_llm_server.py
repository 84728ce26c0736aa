#!/usr/bin/env python3
"""A fake LLM server for rbank's tests and demos (Python 3.11, standard library only).

It speaks the wire formats of the real providers (see /work/shared/reference/llm-wire.md) closely
enough that an ordinary HTTP client cannot tell the difference, answers deterministically, and
injects faults on demand. It listens on 127.0.0.1 only.

    python3 scripts/fake_llm_server.py [--port 0] [--exit-with-stdin] [--verbose] [--chunk-delay 0.005]

The first (and only) line on stdout is the port. `--verbose` writes one line per request to
stderr (id, method, path without query, status, fault): never a header, key, query or body.
`--exit-with-stdin` exits when stdin reaches EOF, when the parent process dies, or after 300 s
without a request; without it the server runs until Ctrl-C or SIGTERM.

Routes (the flavor prefix is part of the base URL a client is given)
  Anthropic   POST /v1/messages                               stream false|true (event: + data:)
  OpenAI      POST /v1/chat/completions                       stream: data: lines, [DONE]
              POST /v1/embeddings                             float (default) | base64; dimensions
  Gemini      POST /v1beta/models/{m}:generateContent
              POST /v1beta/models/{m}:streamGenerateContent   ?alt=sse: data: chunks, no [DONE];
                                                              without alt=sse: a JSON array
              POST /v1beta/models/{m}:embedContent            outputDimensionality (not re-normalised)
              POST /v1beta/models/{m}:batchEmbedContents      inner model must be models/{m}
  Ollama      POST /ollama/api/chat                           NDJSON, streaming by default
              POST /ollama/api/embed                          GET /ollama/api/version
              POST /ollama/v1/chat/completions, /ollama/v1/embeddings   (OpenAI shape, Ollama quirks)
  llama.cpp   POST /llamacpp/v1/chat/completions, /llamacpp/v1/embeddings; GET /llamacpp/health
  vLLM        POST /vllm/v1/chat/completions, /vllm/v1/embeddings;         GET /vllm/health
Authentication: Anthropic x-api-key or Authorization: Bearer, plus anthropic-version; OpenAI
Authorization: Bearer; Gemini x-goog-api-key or ?key=; the flavors need none. A missing key or one
starting with "rejected" gets the provider's real authentication error (the key is masked).
The model "missing-model" gets the provider's 404; an unknown path gets a 404 in its envelope.

What the model says (the "responder"), from the system text plus every message's text:
  1. the next scripted reply (POST /_control/replies), if any (a request that takes a fault only
     peeks at it, so a retried request gets the same reply);
  2. a judge prompt (contains `Status: "success" or "failure"`): `Thoughts: ...` and
     `Status: "success"` when the last byte of SHA-256(prompt) is even, else `Status: "failure"`;
  3. an extraction / workflow-induction prompt (contains `# Memory Item` and no `Action:` format
     line, which agent prompts with injected memories have): 1 or 2 items in the
     `# Memory Item i / ## Title / ## Description / ## Content` schema, at most the prompt's
     "at most N";
  4. otherwise an agent step `Thought: ...\\nAction: ...` that ends the episode at once:
     `send_msg_to_user('...')` when the shop guide is present, else `answer('...')`, with the
     first number of the task (or 'unknown').
Tokens: input N = max(1, len(prompt) // 4), output = max(1, len(reply) // 4). config.cache_read C
is reported as cached: OpenAI-shaped prompt_tokens = N + C with cached_tokens = C; Gemini
promptTokenCount = N + C with cachedContentTokenCount = C; Anthropic input_tokens = N and
cache_read_input_tokens = C (additive). Embeddings: SHA-256-seeded Gaussian vectors, L2-normalised
over max(64, requested) dimensions, then truncated (re-normalised except for Gemini).

Control API (no authentication)
  POST /_control/reset              clear faults, replies, log and config
  POST /_control/faults             {"faults":[F, ...]} appended to a FIFO queue
  POST /_control/replies            {"replies":["text", ...]} queued scripted replies
  POST /_control/config             {"cache_read":100, "chunk_delay":0.01, "crlf":true, "embedding_dim":64}
  GET  /_control/config             the current config
  GET  /_control/log                {"requests":[{id, method, path, query, headers, body, stream,
                                    fault, status, completed, client_closed, stalled}]}
  GET  /_control/wait?for=seen|closed|requests&count=1&timeout=5   {"ok": true|false}
Each API request takes the first queued fault whose optional "match" is a substring of its
request target (path and query). Faults (after_chunks defaults to 2, 1 for malformed):
  {"kind":"status","status":429,"retry_after":"2","retry_after_ms":"10","should_retry":"false",
   "error_code":"insufficient_quota","retry_delay":"0.01s","message":"optional override"}
  {"kind":"stall","after_chunks":N}          stream: head + N pieces, then silence (60 s);
                                             non-stream: silence before the head
  {"kind":"disconnect","after_chunks":N}     head + N pieces, then the socket is shut down
  {"kind":"malformed","after_chunks":N}      non-stream: 200 + truncated JSON; stream: one invalid
                                             data line after N pieces, then the rest
  {"kind":"html","status":502}               nginx-style HTML error page
  {"kind":"midstream_error","after_chunks":N} 200, N pieces, then the provider's in-stream error
                                             (non-stream: that error as a status: 529/503/500)
  {"kind":"truncated","after_chunks":N}      stream: N pieces, well-terminated, no final marker;
                                             non-stream: text cut to N pieces, finish = length
  {"kind":"echo_key"}                        400 whose message contains the request's key verbatim
"""

import argparse
import base64
import hashlib
import json
import math
import os
import random
import re
import select
import signal
import socket
import string
import struct
import sys
import threading
import time
from collections import deque
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

MISSING_MODEL = "missing-model"
DEFAULT_EMBEDDING_DIM = 64
STALL_SECONDS = 60.0
IDLE_EXIT_SECONDS = 300.0
MAX_BODY = 64 * 1024 * 1024
FAULT_KINDS = ("status", "stall", "disconnect", "malformed", "html", "midstream_error", "truncated", "echo_key")
JUDGE_MARK = 'Status: "success" or "failure"'
OPENAI_SHAPED = ("openai", "ollama_openai", "llamacpp", "vllm")
VERBOSE = False


# ----------------------------------------------------------------------------------------------
# Shared state


class State:
    """Faults, scripted replies, config and the request log, behind one lock (a Condition)."""

    def __init__(self, chunk_delay):
        self.cond = threading.Condition()
        self.default_chunk_delay = chunk_delay
        self.last_activity = time.monotonic()
        self.reset()

    def reset(self):
        with self.cond:
            self.faults = []
            self.replies = deque()
            self.log = []
            self.next_id = 1
            self.config = {"cache_read": 0, "chunk_delay": self.default_chunk_delay, "crlf": False,
                           "embedding_dim": DEFAULT_EMBEDDING_DIM}
            self.cond.notify_all()

    def setting(self, name):
        with self.cond:
            return self.config[name]

    def new_entry(self, **fields):
        with self.cond:
            entry = dict(id=self.next_id, **fields)
            self.next_id += 1
            self.log.append(entry)
            self.cond.notify_all()
            return entry

    def update(self, entry, **fields):
        with self.cond:
            entry.update(fields)
            self.cond.notify_all()

    def take_fault(self, target):
        with self.cond:
            for index, fault in enumerate(self.faults):
                if fault.get("match") is None or fault["match"] in target:
                    return self.faults.pop(index)
        return None

    def take_reply(self, pop):
        with self.cond:
            if not self.replies:
                return None
            return self.replies.popleft() if pop else self.replies[0]

    def snapshot_log(self):
        with self.cond:
            return json.loads(json.dumps(self.log))

    def wait(self, what, count, timeout):
        predicates = {
            "seen": lambda: sum(1 for e in self.log if e.get("stalled")) >= count,
            "closed": lambda: sum(1 for e in self.log if e.get("client_closed")) >= count,
            "requests": lambda: len(self.log) >= count,
        }
        with self.cond:
            return self.cond.wait_for(predicates[what], timeout)


STATE = State(0.005)


# ----------------------------------------------------------------------------------------------
# Small helpers


def jdump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def random_id(length, alphabet=string.ascii_letters + string.digits):
    return "".join(random.choice(alphabet) for _ in range(length))


def tokens(text):
    return max(1, len(text) // 4)


def now_rfc3339(offset_seconds=0.0):
    moment = datetime.now(timezone.utc) + timedelta(seconds=offset_seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def ollama_timestamp():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def http_phrase(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Site is overloaded" if status == 529 else "Error"


def mask_key(key):
    """Like the real OpenAI message: a recognisable prefix, never the key itself."""
    for prefix in ("sk-proj-", "sk-ant-", "sk-"):
        if key.startswith(prefix):
            return prefix + "****"
    return key[:4] + "****" if len(key) > 4 else "****"


def content_text(value):
    """The text of a message content: a string, or blocks/parts carrying "text" (or nested "content")."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(t for t in (content_text(item) for item in value) if t)
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):
            return value["text"]
        if "content" in value:
            return content_text(value["content"])
    return ""


def split_pieces(text, digest):
    """The reply split at whitespace boundaries into 3–6 non-empty pieces (fewer for short texts)."""
    if not text:
        return [""]
    words = [w for w in re.split(r"(?<=\s)(?=\S)", text) if w]
    count = min(3 + digest[2] % 4, len(words))
    pieces, start = [], 0
    for index in range(count):
        end = round((index + 1) * len(words) / count)
        pieces.append("".join(words[start:end]))
        start = end
    return [p for p in pieces if p]


class ApiError(Exception):
    """An error response in the current provider's envelope; fields override the status defaults."""

    def __init__(self, status, message=None, **fields):
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields


class ClientGone(Exception):
    pass


class Plain:
    """A complete (non-streaming) response."""

    def __init__(self, status, body, content_type="application/json", headers=()):
        self.status = status
        self.body = body if isinstance(body, bytes) else jdump(body)
        self.content_type = content_type
        self.headers = list(headers)


class Stream:
    """A chunked streaming response: framed pieces plus the provider's fault pieces.

    `pieces` end with the provider's final marker (message_stop, [DONE], the finishReason chunk,
    done:true). `array` frames the pieces as elements of one JSON array (Gemini without alt=sse).
    """

    def __init__(self, content_type, headers, pieces, error_piece, malformed_piece, error_tail=(), array=False):
        self.content_type = content_type
        self.headers = list(headers)
        self.pieces = pieces
        self.error_piece = error_piece
        self.malformed_piece = malformed_piece
        self.error_tail = list(error_tail)
        self.array = array


# ----------------------------------------------------------------------------------------------
# The responder: what the fake model says


def compose_reply(system, messages, pop=True):
    """The reply text for a prompt (system text, [(role, text)]); see the module docstring."""
    scripted = STATE.take_reply(pop)
    if scripted is not None:
        return scripted
    whole = "\n".join([system] + [text for _, text in messages])
    digest = hashlib.sha256(whole.encode()).digest()
    if JUDGE_MARK in whole:
        return judge_reply(digest)
    agent_format = re.search(r"(?m)^\s*Action:", system or whole)
    if "# Memory Item" in whole and not agent_format:
        return extraction_reply(system or whole, digest)
    return agent_reply(whole, messages)


def judge_reply(digest):
    success = digest[-1] % 2 == 0
    thoughts = ("This verdict comes from the fake LLM server, which does not read the trajectory: it decides "
                "by the parity of the prompt's SHA-256 (even means success, odd means failure).")
    return f'Thoughts: {thoughts}\nStatus: "{"success" if success else "failure"}"'


EXTRACTION_ITEMS = {
    "success": [
        ("Read the request before acting", "Identify exactly what the user asks for before the first action.",
         "Re-read the task to find the requested value and its expected form, then act on exactly that. "
         "A short, exact final answer is judged more reliably than a sentence."),
        ("Finish with the value only", "End the task by giving only the requested value.",
         "When the task asks a question, reply with the bare value it asks for. "
         "Extra explanation makes the answer harder to match."),
        ("Confirm the state before finishing", "Check that the environment shows the requested change.",
         "Before ending the task, look at the latest observation to confirm the requested state was reached."),
    ],
    "failure": [
        ("Do not answer before the evidence", "Guessing an answer without grounding leads to failure.",
         "Collect the facts the task depends on before giving the final answer. "
         "If they cannot be found, say so instead of guessing."),
        ("Match the requested form", "An answer in the wrong form is judged as a failure.",
         "Check the unit, format and scope the task asks for and give the answer in exactly that form."),
        ("Recover from rejected actions", "Repeating a rejected action wastes the step budget.",
         "When an action is rejected, read the error, change the action, and do not repeat it unchanged."),
    ],
    "workflow": [
        ("Answer a direct question", "Tasks that ask for one value that can be read off the first observation.",
         "1. Read the question in the observation.\n2. Work out the {requested value}.\n"
         "3. Finish with only the {requested value}."),
        ("Find and report a value", "Tasks that ask for a value shown on a page of the environment.",
         "1. Search for the {item} with the search box.\n2. Open the matching result.\n"
         "3. Read the {requested value} and send it to the user."),
        ("Change state and confirm", "Tasks that ask for a change to be made in the environment.",
         "1. Navigate to the {item}.\n2. Make the {requested change}.\n3. Confirm it on the resulting page."),
    ],
}


def extraction_reply(system, digest):
    lower = system.lower()
    family = "workflow" if "workflow" in lower else "failure" if "fail" in lower else "success"
    limit = re.search(r"at most\s+(\d+)", system, re.IGNORECASE)
    max_items = min(5, max(1, int(limit.group(1)))) if limit else 3
    count = min(max_items, 1 + digest[0] % 2)
    pool = EXTRACTION_ITEMS[family]
    lines = ["The fake LLM server wrote these items; they follow the required schema and are generic."]
    for index in range(count):
        title, description, content = pool[(digest[1] + index) % len(pool)]
        lines += ["", f"# Memory Item {index + 1}", f"## Title {title}", f"## Description {description}",
                  f"## Content {content}"]
    return "\n".join(lines)


def quoted(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ") + "'"


def agent_reply(whole, messages):
    users = [text for role, text in messages if role == "user"]
    first = users[0] if users else whole
    task = re.search(r"(?m)^\s*Task:\s*(.*?)(?:^\s*Observation:|\Z)", first, re.DOTALL)
    question = task.group(1) if task else (users[-1] if users else whole)
    number = re.search(r"-?\d+(?:\.\d+)?", question)
    answer = number.group(0) if number else "unknown"
    if "answer('text')" not in whole and "send_msg_to_user(" in whole:  # the shop's guide, not QA's
        action = f"send_msg_to_user({quoted(answer)})"
    else:
        action = f"answer({quoted(answer)})"
    thought = ("This is the fake LLM server; it does not solve tasks and ends the episode at once "
               "with a guessed answer.")
    return f"Thought: {thought}\nAction: {action}"


# ----------------------------------------------------------------------------------------------
# Embeddings


def embedding(text, dimensions=None, renormalise=True):
    """Deterministic unit vector for `text`; a prefix of the same text's longer vectors."""
    base = max(STATE.setting("embedding_dim"), dimensions or 0)
    rng = random.Random(int.from_bytes(hashlib.sha256(text.encode()).digest(), "big"))
    vector = [rng.gauss(0.0, 1.0) for _ in range(base)]
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    vector = [x / norm for x in vector]
    if dimensions:
        vector = vector[:dimensions]
        if renormalise:
            norm = math.sqrt(sum(x * x for x in vector)) or 1.0
            vector = [x / norm for x in vector]
    return vector


def embedding_inputs(value):
    """(texts, token count) for an OpenAI-style `input`; None when invalid or empty."""
    if isinstance(value, str):
        return ([value], tokens(value)) if value else None
    if isinstance(value, list) and value:
        if all(isinstance(v, int) for v in value):
            return [json.dumps(value)], len(value)
        if all(isinstance(v, str) and v for v in value):
            return value, sum(tokens(v) for v in value)
        if all(isinstance(v, list) and v and all(isinstance(t, int) for t in v) for v in value):
            return [json.dumps(v) for v in value], sum(len(v) for v in value)
    return None


# ----------------------------------------------------------------------------------------------
# Error envelopes


ANTHROPIC_ERRORS = {
    400: ("invalid_request_error", "Invalid request."),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use the specified resource."),
    404: ("not_found_error", "Not found"),
    408: ("timeout_error", "Request timed out"),
    409: ("invalid_request_error", "Conflict"),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "This request would exceed the rate limit for your organization of 50 requests per "
          "minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response "
          "headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again "
          "later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for "
          "a rate limit increase."),
    500: ("api_error", "Internal server error"),
    502: ("api_error", "Bad gateway"),
    503: ("api_error", "Service unavailable"),
    504: ("timeout_error", "Request timed out"),
    529: ("overloaded_error", "Overloaded"),
}

OPENAI_ERRORS = {  # status: (message, type, code); {model} and {key} are filled in
    400: ("Invalid request.", "invalid_request_error", None),
    401: ("Incorrect API key provided: {key}. You can find your API key at "
          "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
    403: ("Project `proj_fake` does not have access to model `{model}`", "invalid_request_error", "model_not_found"),
    404: ("The model `{model}` does not exist or you do not have access to it.", "invalid_request_error",
          "model_not_found"),
    408: ("Request timed out.", "timeout_error", None),
    409: ("The request conflicted with another request.", "invalid_request_error", None),
    429: ("Rate limit reached for {model} in organization org-fake on tokens per min (TPM): Limit 30000, Used "
          "29000, Requested 2000. Please try again in 2s. Visit https://platform.openai.com/account/rate-limits to "
          "learn more.", "tokens", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request. Sorry about that!", "server_error", None),
    502: ("Bad gateway.", "cf_bad_gateway", 502),
    503: ("The engine is currently overloaded, please try again later", "server_error", None),
    504: ("Gateway timeout.", "cf_gateway_timeout", 504),
    529: ("The engine is currently overloaded, please try again later", "server_error", None),
}
OPENAI_QUOTA = ("You exceeded your current quota, please check your plan and billing details. For more information "
                "on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.")

GEMINI_ERRORS = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: ("UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
          "cookie or other valid authentication credential. See "
          "https://developers.google.com/identity/sign-in/web/devconsole-project."),
    403: ("PERMISSION_DENIED", "The caller does not have permission"),
    404: ("NOT_FOUND", "Requested entity was not found."),
    408: ("DEADLINE_EXCEEDED", "Request timed out."),
    409: ("ABORTED", "The operation was aborted."),
    429: ("RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details. For "
          "more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor "
          "your current usage, head to: https://ai.dev/usage?tab=rate-limit. \n* Quota exceeded for metric: "
          "generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: {model}"),
    500: ("INTERNAL", "An internal error has occurred. Please retry or report in "
          "https://developers.generativeai.google/guide/troubleshooting"),
    502: ("UNAVAILABLE", "Bad gateway."),
    503: ("UNAVAILABLE", "The model is overloaded. Please try again later."),
    504: ("DEADLINE_EXCEEDED", "Deadline expired before operation could complete."),
    529: ("UNAVAILABLE", "The model is overloaded. Please try again later."),
}

OLLAMA_ERRORS = {
    400: "invalid request",
    401: "unauthorized",
    403: "forbidden",
    404: "model '{model}' not found",
    408: "request timed out",
    409: "conflict",
    429: "too many requests",
    500: "llama runner process has terminated: exit status 2",
    502: "an error was encountered while running the model: unexpected EOF",
    503: "server busy, please try again.  maximum pending requests exceeded",
}

LLAMACPP_ERRORS = {
    400: ("exceed_context_size_error", "request (9412 tokens) exceeds the available context size (8192 tokens), "
          "try increasing it", {"n_prompt_tokens": 9412, "n_ctx": 8192}),
    401: ("authentication_error", "Invalid API Key", {}),
    403: ("permission_error", "Forbidden", {}),
    404: ("not_found_error", "File Not Found", {}),
    500: ("server_error", "Internal Server Error", {}),
    501: ("not_supported_error", "This server does not support this feature", {}),
    503: ("unavailable_error", "Loading model", {}),
}

VLLM_ERRORS = {
    400: "BadRequestError", 401: "UnauthorizedError", 403: "ForbiddenError", 404: "NotFoundError",
    408: "RequestTimeoutError", 409: "ConflictError", 429: "TooManyRequestsError", 500: "InternalServerError",
    502: "BadGatewayError", 503: "ServiceUnavailableError", 504: "GatewayTimeoutError",
}

UNSET = object()


def error_plan(call, status, message=None, **fields):
    """`status` in `call.provider`'s exact error envelope. fields: type, code, param, extra, details."""
    provider, model = call.provider, call.model or "the model"
    fill = {"model": model, "key": mask_key(call.api_key or "")}
    extra = fields.get("extra") or {}
    headers = call.provider_headers()
    if provider == "anthropic":
        etype, default = ANTHROPIC_ERRORS.get(status) or (
            ("api_error", "Internal server error") if status >= 500 else ("invalid_request_error", "Invalid request."))
        error = {"type": fields.get("type", etype), "message": message or default, **extra}
        return Plain(status, {"type": "error", "error": error, "request_id": call.request_id}, "application/json",
                     headers)
    if provider == "openai":
        default, etype, code = OPENAI_ERRORS.get(status) or (
            ("The server had an error while processing your request. Sorry about that!", "server_error", None)
            if status >= 500 else ("Invalid request.", "invalid_request_error", None))
        error = {"message": message or default.format(**fill), "type": fields.get("type", etype),
                 "param": fields.get("param"), "code": fields.get("code", code)}
        return Plain(status, {"error": error}, "application/json", headers)
    if provider == "ollama_openai":
        etype = {400: "invalid_request_error", 404: "not_found_error"}.get(status, "api_error")
        text = message or OLLAMA_ERRORS.get(status, "internal server error").format(**fill)
        error = {"message": text, "type": fields.get("type", etype), "param": None, "code": None}
        return Plain(status, {"error": error}, "application/json", headers)
    if provider == "ollama":
        text = message or OLLAMA_ERRORS.get(status, "internal server error").format(**fill)
        return Plain(status, {"error": text}, "application/json; charset=utf-8", headers)
    if provider == "llamacpp":
        etype, default, more = LLAMACPP_ERRORS.get(status) or (
            "server_error" if status >= 500 else "invalid_request_error", http_phrase(status), {})
        if message or "type" in fields:
            more = {}
        error = {"code": status, "message": message or default, "type": fields.get("type", etype), **more, **extra}
        return Plain(status, {"error": error}, "application/json; charset=utf-8", headers)
    if provider == "vllm":
        etype = VLLM_ERRORS.get(status, "InternalServerError" if status >= 500 else "BadRequestError")
        error = {"message": message or f"{http_phrase(status)}",
                 "type": fields.get("type", etype), "param": fields.get("param"), "code": status}
        return Plain(status, {"error": error}, "application/json", headers)
    # gemini
    gstatus, default = GEMINI_ERRORS.get(status) or (("INTERNAL" if status >= 500 else "INVALID_ARGUMENT"),
                                                     "Request failed.")
    error = {"code": status, "message": message or default.format(**fill), "status": fields.get("type", gstatus)}
    if fields.get("details"):
        error["details"] = fields["details"]
    body = {"error": error}
    if call.endpoint == "streamGenerateContent" and not call.gemini_sse:
        body = [body]
    return Plain(status, body, "application/json; charset=UTF-8", headers)


def status_fault_plan(call, fault):
    """A `status` fault: the provider's envelope for that status, plus the headers the fault names."""
    status = int(fault["status"])
    message, fields = fault.get("message"), {}
    error_code = fault.get("error_code")
    if call.provider == "openai" and error_code == "insufficient_quota":
        message, fields = message or OPENAI_QUOTA, {"type": "insufficient_quota", "code": "insufficient_quota"}
    elif call.provider == "openai" and error_code:
        fields = {"code": error_code}
    elif call.provider == "anthropic" and error_code:
        fields = {"extra": {"details": {"error_code": error_code}}}
    elif call.provider == "gemini":
        details = []
        if status == 429:
            details += [{"@type": "type.googleapis.com/google.rpc.Help", "links": [
                {"description": "Learn more about Gemini API quotas",
                 "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
                    {"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                     "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                     "quotaDimensions": {"location": "global", "model": call.model or ""}, "quotaValue": "10"}]}]
        if error_code:
            details.append({"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": error_code,
                            "domain": "googleapis.com",
                            "metadata": {"service": "generativelanguage.googleapis.com"}})
        if fault.get("retry_delay") is not None:
            delay = str(fault["retry_delay"])
            details.append({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": delay})
            if status == 429 and message is None:
                message = GEMINI_ERRORS[429][1].format(model=call.model or "") + f"\nPlease retry in {delay}."
        fields = {"details": details}
    plan = error_plan(call, status, message, **fields)
    for key, header in (("retry_after", "retry-after"), ("retry_after_ms", "retry-after-ms"),
                        ("should_retry", "x-should-retry")):
        if fault.get(key) is not None:
            value = fault[key]
            plan.headers.append((header, str(value).lower() if isinstance(value, bool) else str(value)))
    return plan


def html_plan(status):
    reason = {400: "Bad Request", 404: "Not Found", 500: "Internal Server Error", 502: "Bad Gateway",
              503: "Service Temporarily Unavailable", 504: "Gateway Time-out"}.get(status, "Error")
    page = (f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
            f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
    return Plain(status, page.encode(), "text/html", [("Server", "nginx")])


def midstream_status_plan(call):
    """midstream_error on a non-streaming request: the same error as a status response."""
    if call.provider == "anthropic":
        return error_plan(call, 529)
    if call.provider == "gemini":
        return error_plan(call, 503)
    if call.provider in ("ollama", "ollama_openai"):
        return error_plan(call, 500, "an error was encountered while running the model")
    return error_plan(call, 500)


# ----------------------------------------------------------------------------------------------
# Anthropic Messages


def anthropic_messages(call):
    body = call.require_object()
    for field in ("model", "max_tokens", "messages"):
        if field not in body:
            raise ApiError(400, f"{field}: Field required")
    messages = body["messages"]
    if not isinstance(messages, list) or not messages:
        raise ApiError(400, "messages: at least one message is required")
    if not isinstance(body["max_tokens"], int) or body["max_tokens"] < 1:
        raise ApiError(400, "max_tokens: Input should be greater than or equal to 1")
    if body["model"] == MISSING_MODEL:
        raise ApiError(404, f"model: {MISSING_MODEL}")
    system = content_text(body.get("system") or "")
    prompt = [(m.get("role", ""), content_text(m.get("content", ""))) for m in messages if isinstance(m, dict)]
    turn = call.turn(system, prompt)
    text, stop = turn.text_and_finish("end_turn", "max_tokens")
    model, msg_id = body["model"], "msg_01" + random_id(22)
    cache = turn.cache_read
    usage = {"input_tokens": turn.input_tokens, "cache_creation_input_tokens": 0, "cache_read_input_tokens": cache,
             "output_tokens": tokens(text), "service_tier": "standard"}
    headers = call.provider_headers()
    if not call.stream:
        return Plain(200, {"id": msg_id, "type": "message", "role": "assistant", "model": model,
                           "content": [{"type": "text", "text": text}], "stop_reason": stop, "stop_sequence": None,
                           "usage": usage}, "application/json", headers)

    def event(name, data):
        return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n\n".encode()

    start_usage = dict(usage, output_tokens=1)
    pieces = [
        event("message_start", {"type": "message_start", "message": {
            "id": msg_id, "type": "message", "role": "assistant", "model": model, "content": [], "stop_reason": None,
            "stop_sequence": None, "usage": start_usage}}),
        event("content_block_start", {"type": "content_block_start", "index": 0,
                                      "content_block": {"type": "text", "text": ""}}),
        b'event: ping\ndata: {"type": "ping"}\n\n',
    ]
    pieces += [event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                             "delta": {"type": "text_delta", "text": piece}}) for piece in turn.pieces]
    pieces += [
        event("content_block_stop", {"type": "content_block_stop", "index": 0}),
        event("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                                "usage": {"output_tokens": tokens(text)}}),
        event("message_stop", {"type": "message_stop"}),
    ]
    error = b'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n'
    malformed = (b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
                 b'"delta":{"type":"text_delta","text":"\n\n')
    return Stream("text/event-stream; charset=utf-8", headers, pieces, error, malformed)


# ----------------------------------------------------------------------------------------------
# OpenAI Chat Completions (and the OpenAI-compatible flavors)


def openai_chat(call):
    provider = call.provider
    body = call.require_object()
    if not body.get("model"):
        if provider == "ollama_openai":
            raise ApiError(400, "model is required")
        if provider == "openai":
            raise ApiError(400, "you must provide a model parameter")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        if provider == "ollama_openai":
            raise ApiError(400, "[] is too short - 'messages'")
        if provider == "llamacpp":
            raise ApiError(400, "'messages' is required" if messages is None else "'messages' must not be empty",
                           type="invalid_request_error")
        if provider == "vllm":
            raise ApiError(400, "messages: Field required" if messages is None else "messages: List should have at "
                           "least 1 item after validation, not 0", param="messages")
        if messages is None:
            raise ApiError(400, "Missing required parameter: 'messages'.", param="messages",
                           code="missing_required_parameter")
        raise ApiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an "
                       "empty array instead.", param="messages", code="empty_array")
    model = body.get("model") or "local-model"
    if model == MISSING_MODEL:
        if provider == "ollama_openai":
            raise ApiError(404, f"model '{model}' not found")
        if provider == "llamacpp":
            raise ApiError(404, "model not found", type="not_found_error")
        if provider == "vllm":
            raise ApiError(404, f"The model `{model}` does not exist.", param="model")
        raise ApiError(404)
    system = "\n".join(content_text(m.get("content")) for m in messages
                       if isinstance(m, dict) and m.get("role") in ("system", "developer"))
    prompt = [(m.get("role", ""), content_text(m.get("content"))) for m in messages
              if isinstance(m, dict) and m.get("role") not in ("system", "developer")]
    turn = call.turn(system, prompt)
    text, finish = turn.text_and_finish("stop", "length")
    created = int(time.time())
    prompt_tokens, completion_tokens = turn.input_tokens + turn.cache_read, tokens(text)
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
             "total_tokens": prompt_tokens + completion_tokens}
    extras = {}
    if provider == "openai":
        chat_id = "chatcmpl-" + random_id(29)
        usage["prompt_tokens_details"] = {"cached_tokens": turn.cache_read, "audio_tokens": 0}
        usage["completion_tokens_details"] = {"reasoning_tokens": 0, "audio_tokens": 0,
                                              "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
        extras = {"service_tier": "default", "system_fingerprint": "fp_fake0llm0"}
    elif provider == "ollama_openai":
        chat_id = f"chatcmpl-{random.randint(0, 998)}"
        extras = {"system_fingerprint": "fp_ollama"}
    elif provider == "llamacpp":
        chat_id = "chatcmpl-" + random_id(32)
        usage["prompt_tokens_details"] = {"cached_tokens": turn.cache_read}
        extras = {"system_fingerprint": "b6500-fake0llm"}
    else:  # vllm
        chat_id = "chatcmpl-" + random_id(32, string.hexdigits.lower()[:16])
        usage["prompt_tokens_details"] = None
        extras = {"prompt_logprobs": None, "kv_transfer_params": None}
    timings = None
    if provider == "llamacpp":
        prompt_ms, predicted_ms = prompt_tokens * 0.5, completion_tokens * 20.0
        timings = {"cache_n": turn.cache_read, "prompt_n": turn.input_tokens, "prompt_ms": prompt_ms,
                   "prompt_per_token_ms": 0.5, "prompt_per_second": 2000.0, "predicted_n": completion_tokens,
                   "predicted_ms": predicted_ms, "predicted_per_token_ms": 20.0, "predicted_per_second": 50.0}

    def choice(**fields):
        base = {"index": 0, **fields}
        if provider in ("openai", "vllm"):
            base.setdefault("logprobs", None)
        if provider == "vllm":
            base["stop_reason"] = None
        return base

    headers = call.provider_headers()
    if not call.stream:
        message = {"role": "assistant", "content": text}
        if provider == "openai":
            message.update(refusal=None, annotations=[])
        if provider == "vllm":
            message.update(refusal=None, annotations=None, audio=None, function_call=None, tool_calls=[],
                           reasoning_content=None)
        result = {"id": chat_id, "object": "chat.completion", "created": created, "model": model,
                  "choices": [choice(message=message, finish_reason=finish)], "usage": usage, **extras}
        if timings:
            result["timings"] = timings
        content_type = "application/json; charset=utf-8" if provider == "llamacpp" else "application/json"
        return Plain(200, result, content_type, headers)

    eol = "\r\n" if STATE.setting("crlf") else "\n"
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))

    def chunk(choices, **more):
        data = {"id": chat_id, "object": "chat.completion.chunk", "created": created, "model": model, **extras,
                "choices": choices, **more}
        if include_usage and provider == "openai" and "usage" not in data:
            data["usage"] = None
        return f"data: {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}{eol}{eol}".encode()

    if provider == "ollama_openai":
        pieces = [chunk([choice(delta={"role": "assistant", "content": p}, finish_reason=None)]) for p in turn.pieces]
        pieces.append(chunk([choice(delta={"role": "assistant", "content": ""}, finish_reason=finish)]))
    else:
        first = {"role": "assistant", "content": ""}
        if provider == "openai":
            first["refusal"] = None
        if provider == "llamacpp":
            first["content"] = None
        pieces = [chunk([choice(delta=first, finish_reason=None)])]
        pieces += [chunk([choice(delta={"content": p}, finish_reason=None)]) for p in turn.pieces]
        pieces.append(chunk([choice(delta={}, finish_reason=finish)], **({"timings": timings} if timings else {})))
    if include_usage:
        pieces.append(chunk([], usage=usage, **({"timings": timings} if timings else {})))
    done = f"data: [DONE]{eol}{eol}".encode()
    pieces.append(done)
    if provider == "vllm":
        error = {"message": "The server had an error while processing your request.", "type": "InternalServerError",
                 "param": None, "code": 500}
    elif provider == "llamacpp":
        error = {"code": 500, "message": "an error was encountered while running the model", "type": "server_error"}
    elif provider == "ollama_openai":
        error = {"message": "an error was encountered while running the model", "type": "api_error", "param": None,
                 "code": None}
    else:
        error = {"message": "The server had an error while processing your request. Sorry about that!",
                 "type": "server_error", "param": None, "code": None}
    error_piece = f"data: {json.dumps({'error': error})}{eol}{eol}".encode()
    malformed = f'data: {{"id":"{chat_id}","object":"chat.completion.chunk","choices":[{{"index":0,"delta":{{"content":"{eol}{eol}'
    content_type = "text/event-stream; charset=utf-8" if provider == "openai" else "text/event-stream"
    return Stream(content_type, headers, pieces, error_piece, malformed.encode(),
                  error_tail=[done] if provider == "vllm" else ())


def openai_embeddings(call):
    provider = call.provider
    body = call.require_object()
    if not body.get("model") and provider == "openai":
        raise ApiError(400, "you must provide a model parameter")
    model = body.get("model") or "local-embedding-model"
    parsed = embedding_inputs(body.get("input"))
    if parsed is None:
        if provider == "openai":
            raise ApiError(400, "'$.input' is invalid. Please check the API reference: "
                           "https://platform.openai.com/docs/api-reference.")
        raise ApiError(400, "invalid input type" if provider != "vllm" else "input: Field required", param="input")
    fmt = body.get("encoding_format", "float")
    if fmt not in ("float", "base64"):
        raise ApiError(400, f"Invalid value for 'encoding_format' = {fmt}. Supported values are: 'float' and "
                       "'base64'.", param="encoding_format", code="invalid_value")
    dimensions = body.get("dimensions")
    if dimensions is not None and (not isinstance(dimensions, int) or dimensions < 1):
        raise ApiError(400, f"Invalid value for 'dimensions' = {dimensions}. Must be at least 1.", param="dimensions",
                       code="invalid_value")
    if model == MISSING_MODEL:
        if provider == "ollama_openai":
            raise ApiError(404, f"model '{model}' not found")
        if provider == "llamacpp":
            raise ApiError(404, "model not found", type="not_found_error")
        if provider == "vllm":
            raise ApiError(404, f"The model `{model}` does not exist.", param="model")
        raise ApiError(404)
    texts, count = parsed
    data = []
    for index, text in enumerate(texts):
        vector = embedding(text, dimensions, renormalise=True)
        encoded = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode() if fmt == "base64" else vector
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    result = {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": count, "total_tokens": count}}
    if provider == "vllm":
        result = {"id": "embd-" + random_id(32, "0123456789abcdef"), "object": "list", "created": int(time.time()),
                  "model": model, "data": data,
                  "usage": {"prompt_tokens": count, "total_tokens": count, "completion_tokens": 0,
                            "prompt_tokens_details": None}}
    content_type = "application/json; charset=utf-8" if provider == "llamacpp" else "application/json"
    return Plain(200, result, content_type, call.provider_headers())


# ----------------------------------------------------------------------------------------------
# Gemini


def gemini_not_found(call):
    return ApiError(404, f"models/{call.model} is not found for API version v1beta, or is not supported for "
                    f"{call.endpoint}. Call ListModels to see the list of available models and their supported "
                    "methods.")


def gemini_generate(call):
    body = call.require_object()
    contents = body.get("contents")
    if not isinstance(contents, list) or not contents:
        raise ApiError(400, "* GenerateContentRequest.contents: contents is not specified\n")
    for content in contents:
        if not isinstance(content, dict) or content.get("role") not in (None, "", "user", "model"):
            raise ApiError(400, "Please use a valid role: user, model.")
    if call.model == MISSING_MODEL:
        raise gemini_not_found(call)
    system = content_text((body.get("systemInstruction") or {}).get("parts") or [])
    prompt = [("user" if c.get("role") in (None, "", "user") else "assistant", content_text(c.get("parts") or []))
              for c in contents]
    turn = call.turn(system, prompt)
    text, finish = turn.text_and_finish("STOP", "MAX_TOKENS")
    model, response_id = call.model, random_id(23)
    prompt_count, out = turn.input_tokens + turn.cache_read, tokens(text)

    def usage(final):
        meta = {"promptTokenCount": prompt_count}
        if final:
            meta["candidatesTokenCount"] = out
        meta["totalTokenCount"] = prompt_count + (out if final else 0)
        if turn.cache_read:
            meta["cachedContentTokenCount"] = turn.cache_read
        meta["promptTokensDetails"] = [{"modality": "TEXT", "tokenCount": prompt_count}]
        if final:
            meta["candidatesTokensDetails"] = [{"modality": "TEXT", "tokenCount": out}]
        return meta

    def response(piece, final):
        candidate = {"content": {"parts": [{"text": piece}], "role": "model"}}
        if final:
            candidate["finishReason"] = finish
        return {"candidates": [candidate], "usageMetadata": usage(final), "modelVersion": model,
                "responseId": response_id}

    headers = call.provider_headers()
    if call.endpoint == "generateContent":
        result = response(text, True)
        result["candidates"][0]["avgLogprobs"] = -0.0216
        return Plain(200, result, "application/json; charset=UTF-8", headers)
    chunks = [response(piece, index == len(turn.pieces) - 1) for index, piece in enumerate(turn.pieces)]
    error = {"error": {"code": 503, "message": "The model is overloaded. Please try again later.",
                       "status": "UNAVAILABLE"}}
    if not call.gemini_sse:
        return Stream("application/json; charset=UTF-8", headers, [jdump(c) for c in chunks], jdump(error),
                      b'{"candidates": [{"content": {"parts": [{"text": "', array=True)
    eol = "\r\n" if STATE.setting("crlf") else "\n"

    def frame(value):
        return f"data: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}{eol}{eol}".encode()

    return Stream("text/event-stream", headers + [("Content-Disposition", "attachment")],
                  [frame(c) for c in chunks], frame(error),
                  f'data: {{"candidates": [{{"content": {{"parts": [{{"text": "{eol}{eol}'.encode())


def gemini_content_text(call, content, where):
    if not isinstance(content, dict) or not content_text(content.get("parts") or []):
        raise ApiError(400, f"* {where}.content: contents is not specified\n")
    return content_text(content["parts"])


def gemini_dimensions(value, where):
    if value is not None and (not isinstance(value, int) or value < 1):
        raise ApiError(400, f"* {where}.output_dimensionality: must be positive\n")
    return value


def gemini_embed(call):
    body = call.require_object()
    if call.endpoint == "embedContent":
        text = gemini_content_text(call, body.get("content"), "EmbedContentRequest")
        dimensions = gemini_dimensions(body.get("outputDimensionality"), "EmbedContentRequest")
        if call.model == MISSING_MODEL:
            raise gemini_not_found(call)
        values = embedding(text, dimensions, renormalise=False)
        return Plain(200, {"embedding": {"values": values}}, "application/json; charset=UTF-8",
                     call.provider_headers())
    requests = body.get("requests")
    if not isinstance(requests, list) or not requests:
        raise ApiError(400, "* BatchEmbedContentsRequest.requests: requests is not specified\n")
    expected = f"models/{call.model}"
    results = []
    for index, request in enumerate(requests):
        where = f"BatchEmbedContentsRequest.requests[{index}]"
        if not isinstance(request, dict):
            raise ApiError(400, f"* {where}: request is not an object\n")
        if request.get("model") != expected:
            raise ApiError(400, f"* {where}.model: model \"{request.get('model')}\" does not match the model in the "
                           f"URL \"{expected}\"\n")
        text = gemini_content_text(call, request.get("content"), where)
        dimensions = gemini_dimensions(request.get("outputDimensionality"), where)
        results.append((text, dimensions))
    if call.model == MISSING_MODEL:
        raise gemini_not_found(call)
    embeddings = [{"values": embedding(text, dims, renormalise=False)} for text, dims in results]
    return Plain(200, {"embeddings": embeddings}, "application/json; charset=UTF-8", call.provider_headers())


# ----------------------------------------------------------------------------------------------
# Ollama native


def ollama_metrics(input_tokens, output_tokens):
    prompt_ns, eval_ns, load_ns = input_tokens * 1_000_000, output_tokens * 20_000_000, 2_154_458
    return {"total_duration": load_ns + prompt_ns + eval_ns, "load_duration": load_ns,
            "prompt_eval_count": input_tokens, "prompt_eval_duration": prompt_ns, "eval_count": output_tokens,
            "eval_duration": eval_ns}


def ollama_chat(call):
    body = call.require_object()
    model = body.get("model")
    if not model:
        raise ApiError(400, "model is required")
    if model == MISSING_MODEL:
        raise ApiError(404, f"model '{model}' not found")
    messages = body.get("messages") or []
    if not isinstance(messages, list):
        raise ApiError(400, "json: cannot unmarshal into Go struct field ChatRequest.messages of type []api.Message")
    headers = call.provider_headers()
    if not messages:  # Ollama just loads the model
        line = {"model": model, "created_at": ollama_timestamp(), "message": {"role": "assistant", "content": ""},
                "done_reason": "load", "done": True}
        return Plain(200, line, "application/json; charset=utf-8", headers)
    system = "\n".join(content_text(m.get("content")) for m in messages
                       if isinstance(m, dict) and m.get("role") == "system")
    prompt = [(m.get("role", ""), content_text(m.get("content"))) for m in messages
              if isinstance(m, dict) and m.get("role") != "system"]
    turn = call.turn(system, prompt)
    text, reason = turn.text_and_finish("stop", "length")
    lines = [jdump({"model": model, "created_at": ollama_timestamp(), "message": {"role": "assistant", "content": p},
                    "done": False}) + b"\n" for p in turn.pieces] if call.stream else []
    final = {"model": model, "created_at": ollama_timestamp(), "message": {"role": "assistant", "content": ""},
             "done_reason": reason, "done": True, **ollama_metrics(turn.input_tokens, tokens(text))}
    if not call.stream:
        final["message"]["content"] = text
        return Plain(200, final, "application/json; charset=utf-8", headers)
    lines.append(jdump(final) + b"\n")
    return Stream("application/x-ndjson", headers, lines,
                  b'{"error":"an error was encountered while running the model"}\n',
                  f'{{"model":"{model}","created_at":"{ollama_timestamp()}","message":{{"role":"assistant","content":"\n'
                  .encode())


def ollama_embed(call):
    body = call.require_object()
    model = body.get("model")
    if not model:
        raise ApiError(400, "model is required")
    if model == MISSING_MODEL:
        raise ApiError(404, f"model '{model}' not found")
    value = body.get("input", [])
    if isinstance(value, str):
        texts = [value] if value else []
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        texts = value
    else:
        raise ApiError(400, "invalid input type")
    dimensions = body.get("dimensions")
    if dimensions is not None and (not isinstance(dimensions, int) or dimensions < 0):
        raise ApiError(400, "invalid dimensions")
    count = sum(tokens(t) for t in texts)
    result = {"model": model, "embeddings": [embedding(t, dimensions or None, renormalise=True) for t in texts]}
    metrics = ollama_metrics(count, 0)
    result.update(total_duration=metrics["total_duration"], load_duration=metrics["load_duration"],
                  prompt_eval_count=count)
    return Plain(200, result, "application/json; charset=utf-8", call.provider_headers())


# ----------------------------------------------------------------------------------------------
# Routing


def route(method, path):
    """(provider, endpoint or None, gemini model or None) for a request path."""
    if path == "/ollama" or path.startswith("/ollama/"):
        rest = path[len("/ollama"):]
        if rest.startswith("/v1/"):
            table = {("POST", "/v1/chat/completions"): "chat", ("POST", "/v1/embeddings"): "embeddings"}
            return "ollama_openai", table.get((method, rest)), None
        table = {("POST", "/api/chat"): "chat", ("POST", "/api/embed"): "embed", ("GET", "/api/version"): "version",
                 ("GET", "/"): "root", ("GET", ""): "root"}
        return "ollama", table.get((method, rest)), None
    for flavor in ("llamacpp", "vllm"):
        if path == "/" + flavor or path.startswith(f"/{flavor}/"):
            rest = path[len(flavor) + 1:]
            table = {("POST", "/v1/chat/completions"): "chat", ("POST", "/v1/embeddings"): "embeddings",
                     ("GET", "/health"): "health"}
            return flavor, table.get((method, rest)), None
    if path.startswith("/v1beta/"):
        match = re.fullmatch(r"/v1beta/models/([^/:]+):(generateContent|streamGenerateContent|embedContent|"
                             r"batchEmbedContents)", path)
        if match and method == "POST":
            return "gemini", match.group(2), match.group(1)
        return "gemini", None, None
    if path.startswith("/v1/messages"):
        return "anthropic", "messages" if (method, path) == ("POST", "/v1/messages") else None, None
    table = {("POST", "/v1/chat/completions"): "chat", ("POST", "/v1/embeddings"): "embeddings"}
    return "openai", table.get((method, path)), None


def not_found(call):
    provider = call.provider
    if provider == "anthropic":
        return ApiError(404, "Not Found")
    if provider == "openai":
        return ApiError(404, f"Invalid URL ({call.method} {call.path})", code=None)
    if provider == "gemini":
        return ApiError(404, f"The requested URL {call.path} was not found on this server.")
    if provider == "ollama_openai":
        return ApiError(404, "404 page not found")
    if provider == "ollama":
        return ApiError(404, "404 page not found")
    if provider == "llamacpp":
        return ApiError(404, "File Not Found", type="not_found_error")
    return ApiError(404, "Not Found", type="NotFoundError")


def build(call):
    """The response for an API request (auth, validation, content); raises ApiError for errors."""
    provider, endpoint = call.provider, call.endpoint
    if endpoint is None:
        raise not_found(call)
    call.authenticate()
    if provider == "anthropic":
        return anthropic_messages(call)
    if provider == "gemini":
        return gemini_embed(call) if endpoint in ("embedContent", "batchEmbedContents") else gemini_generate(call)
    if provider == "ollama":
        if endpoint == "version":
            return Plain(200, {"version": "0.12.6"}, "application/json; charset=utf-8")
        if endpoint == "root":
            return Plain(200, b"Ollama is running", "text/plain; charset=utf-8")
        return ollama_chat(call) if endpoint == "chat" else ollama_embed(call)
    if endpoint == "health":
        body = {"status": "ok"} if provider == "llamacpp" else b""
        return Plain(200, body, "application/json; charset=utf-8" if provider == "llamacpp" else "application/json")
    return openai_chat(call) if endpoint == "chat" else openai_embeddings(call)


# ----------------------------------------------------------------------------------------------
# One API request


class Turn:
    """A reply and its accounting for one chat request."""

    def __init__(self, call, system, messages):
        self.text = compose_reply(system, messages, pop=call.fault is None)
        whole = "\n".join([system] + [text for _, text in messages])
        self.digest = hashlib.sha256(whole.encode()).digest()
        self.input_tokens = tokens(whole)
        self.cache_read = int(STATE.setting("cache_read"))
        self.pieces = split_pieces(self.text, self.digest)
        self.truncate = None
        if call.fault and call.fault["kind"] == "truncated" and not call.stream:
            self.truncate = max(1, int(call.fault.get("after_chunks", 2)))

    def text_and_finish(self, normal, cut):
        """The text to send and the finish reason (`cut` when a truncated fault shortens the text)."""
        if self.truncate is not None and self.truncate < len(self.pieces):
            return "".join(self.pieces[:self.truncate]), cut
        return self.text, normal


class Call:
    """Everything about one API request that the provider functions need."""

    def __init__(self, method, path, target, query, headers, raw_body):
        self.method, self.path, self.target, self.query, self.headers = method, path, target, query, headers
        self.provider, self.endpoint, self.model = route(method, path)
        self.raw_body = raw_body
        try:
            self.body = json.loads(raw_body) if raw_body else None
            self.body_invalid = False
        except (ValueError, UnicodeDecodeError):
            self.body, self.body_invalid = None, True
        body = self.body if isinstance(self.body, dict) else {}
        if self.model is None and isinstance(body.get("model"), str):
            self.model = body["model"]
        self.gemini_sse = query.get("alt") == "sse"
        if self.provider == "gemini":
            self.stream = self.endpoint == "streamGenerateContent"
        elif self.provider == "ollama" and self.endpoint == "chat":
            self.stream = body.get("stream", True) is not False
        else:
            self.stream = self.endpoint in ("messages", "chat") and body.get("stream") is True
        self.request_id = ("req_011C" + random_id(20)) if self.provider == "anthropic" else "req_" + random_id(
            32, "0123456789abcdef")
        self.fault = None
        self.api_key = self._key()

    def _key(self):
        auth = self.headers.get("authorization", "")
        bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if self.provider == "anthropic":
            return self.headers.get("x-api-key") or bearer
        if self.provider == "gemini":
            return self.headers.get("x-goog-api-key") or self.query.get("key")
        return bearer

    def authenticate(self):
        key, provider = self.api_key, self.provider
        rejected = key is not None and key.startswith("rejected")
        if provider == "anthropic":
            if not key:
                raise ApiError(401, "x-api-key header is required")
            if rejected:
                raise ApiError(401, "invalid x-api-key")
            if not self.headers.get("anthropic-version"):
                raise ApiError(400, "anthropic-version: header is required")
        elif provider == "openai":
            if not key:
                raise ApiError(401, "You didn't provide an API key. You need to provide your API key in an "
                               "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as "
                               "the password field (with blank username) if you're accessing the API from your "
                               "browser and are prompted for a username. You can obtain an API key from "
                               "https://platform.openai.com/account/api-keys.", code=None)
            if rejected:
                raise ApiError(401)
        elif provider == "gemini":
            if not key:
                raise ApiError(403, "Method doesn't allow unregistered callers (callers without established "
                               "identity). Please use API Key or other form of API consumer identity to call this "
                               "API.")
            if rejected:
                message = "API key not valid. Please pass a valid API key."
                raise ApiError(400, message, details=[
                    {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                     "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}},
                    {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en-US",
                     "message": message}])

    def require_object(self):
        if isinstance(self.body, dict):
            return self.body
        messages = {
            "anthropic": "There was an error parsing the body of your request: the body must be a JSON object.",
            "openai": "We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
                      "your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not "
                      "valid JSON. If you have trouble figuring out how to fix this, please contact us through our "
                      "help center at help.openai.com.)",
            "gemini": "Invalid JSON payload received. Expected an object.",
            "ollama": "invalid character looking for beginning of value" if self.body_invalid else "EOF",
        }
        raise ApiError(400, messages.get(self.provider, "Invalid JSON body"))

    def turn(self, system, messages):
        return Turn(self, system, messages)

    def provider_headers(self):
        if self.provider == "anthropic":
            reset = now_rfc3339(1)
            headers = [("request-id", self.request_id)]
            for name, limit in (("requests", 1000), ("tokens", 96000), ("input-tokens", 80000),
                                ("output-tokens", 16000)):
                headers += [(f"anthropic-ratelimit-{name}-limit", str(limit)),
                            (f"anthropic-ratelimit-{name}-remaining", str(limit - (1 if name == "requests" else 0))),
                            (f"anthropic-ratelimit-{name}-reset", reset)]
            return headers
        if self.provider == "openai":
            return [("x-request-id", self.request_id), ("openai-version", "2020-10-01"),
                    ("openai-processing-ms", "42"), ("x-ratelimit-limit-requests", "5000"),
                    ("x-ratelimit-limit-tokens", "160000"), ("x-ratelimit-remaining-requests", "4999"),
                    ("x-ratelimit-remaining-tokens", "159976"), ("x-ratelimit-reset-requests", "12ms"),
                    ("x-ratelimit-reset-tokens", "9ms")]
        if self.provider == "gemini":
            return [("Vary", "Origin, X-Origin, Referer"), ("X-Content-Type-Options", "nosniff"),
                    ("X-Frame-Options", "SAMEORIGIN"), ("X-XSS-Protection", "0"),
                    ("Server-Timing", "gfet4t7; dur=42")]
        return []

    def server_name(self):
        return {"anthropic": "cloudflare", "openai": "cloudflare", "gemini": "scaffolding on HTTPServer2",
                "llamacpp": "llama.cpp", "vllm": "uvicorn"}.get(self.provider, "")


# ----------------------------------------------------------------------------------------------
# HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_name_header = "fake-llm"

    def log_message(self, format, *args):  # never echo request lines (they may carry ?key=)
        pass

    def send_response(self, code, message=None):
        self.send_response_only(code, message)
        if self.server_name_header:
            self.send_header("Server", self.server_name_header)
        self.send_header("Date", self.date_time_string())

    def handle_one_request(self):
        STATE.last_activity = time.monotonic()
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self.close_connection = True
        STATE.last_activity = time.monotonic()

    # --- request parsing

    def _read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
                if len(data) > MAX_BODY:
                    raise ValueError("body too large")
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(max(length, 0), MAX_BODY)) if length else b""

    def _dispatch(self):
        parts = urlsplit(self.path)
        path = unquote(parts.path) or "/"
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        try:
            raw = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if path.startswith("/_control/"):
            self._control(path, query, raw)
            return
        headers = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = headers[key] + ", " + value if key in headers else value
        call = Call(self.command, path, self.path, query, headers, raw)
        self.server_name_header = call.server_name()
        call.fault = STATE.take_fault(self.path)
        body_for_log = call.body if not call.body_invalid else raw.decode("utf-8", "replace")
        call.entry = STATE.new_entry(method=self.command, path=path, query=query, headers=headers,
                                     body=body_for_log if raw else None, stream=call.stream,
                                     fault=call.fault["kind"] if call.fault else None, status=0, completed=False,
                                     client_closed=False, stalled=False)
        try:
            self._serve(call)
        except ClientGone:
            STATE.update(call.entry, client_closed=True)
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            STATE.update(call.entry, client_closed=True)
            self.close_connection = True
        finally:
            if VERBOSE:
                entry = call.entry
                sys.stderr.write(f"fake-llm #{entry['id']} {self.command} {path} {entry['status'] or '-'} "
                                 f"fault={entry['fault'] or '-'} completed={entry['completed']} "
                                 f"client_closed={entry['client_closed']}\n")
                sys.stderr.flush()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _dispatch

    # --- API requests

    def _serve(self, call):
        kind = call.fault["kind"] if call.fault else None
        if kind == "status":
            plan = status_fault_plan(call, call.fault)
        elif kind == "html":
            plan = html_plan(int(call.fault.get("status", 502)))
            self.server_name_header = "nginx"
        elif kind == "echo_key":
            plan = error_plan(call, 400, f"The API key {call.api_key or '(none)'} is not valid for this request.")
        elif kind == "midstream_error" and not call.stream:
            plan = midstream_status_plan(call)
        else:
            try:
                plan = build(call)
            except ApiError as error:
                plan = error_plan(call, error.status, error.message, **error.fields)
        if isinstance(plan, Stream):
            self._deliver_stream(call, plan, kind)
        else:
            self._deliver_plain(call, plan, kind)

    def _head(self, call, status, content_type, headers, length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Cache-Control", "no-cache")
        else:
            self.send_header("Content-Length", str(length))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        STATE.update(call.entry, status=status)

    def _deliver_plain(self, call, plan, kind):
        body, status = plan.body, plan.status
        if kind == "stall":
            self._stall(call)
            return
        if kind == "malformed":
            body, status = body[:max(1, len(body) // 2)], 200
        if kind == "disconnect":
            after = int(call.fault.get("after_chunks", 2))
            size = -(-len(body) // 4) or 1
            sent = body[:min(after * size, max(0, len(body) - 1))]
            self._head(call, status, plan.content_type, plan.headers, length=len(body))
            self._write(call, sent)
            self._abort()
            return
        self._head(call, status, plan.content_type, plan.headers, length=len(body))
        self._write(call, body)
        STATE.update(call.entry, completed=True)

    def _deliver_stream(self, call, plan, kind):
        pieces = plan.pieces
        last = len(pieces) - 1  # faults that cut the stream never send the final marker
        after = int(call.fault.get("after_chunks", 1 if kind == "malformed" else 2)) if call.fault else 0
        if kind in ("stall", "disconnect", "truncated", "midstream_error"):
            after = min(after, last)
        if kind is None:
            sequence = pieces
        elif kind == "malformed":
            sequence = pieces[:after] + [plan.malformed_piece] + pieces[after:]
        elif kind == "midstream_error":
            sequence = pieces[:after] + [plan.error_piece] + plan.error_tail
        else:
            sequence = pieces[:after]
        self._head(call, 200, plan.content_type, plan.headers)
        delay = float(STATE.setting("chunk_delay"))
        written = 0
        for index, piece in enumerate(sequence):
            if index:
                self._pause(call, delay)
            elif self._peer_closed(0):
                raise ClientGone()
            if plan.array:
                piece = (b"[" if written == 0 else b",\r\n") + piece
            self._chunk(call, piece)
            written += 1
        if kind == "stall":
            self._stall(call)
            return
        if kind == "disconnect":
            self._abort()
            return
        if plan.array:
            self._chunk(call, b"]" if written else b"[]")
        self._write(call, b"0\r\n\r\n")
        STATE.update(call.entry, completed=True)

    # --- socket helpers

    def _write(self, call, data):
        if data:
            self.wfile.write(data)
            self.wfile.flush()

    def _chunk(self, call, data):
        if data:  # an empty chunk would end the body
            self._write(call, b"%x\r\n%s\r\n" % (len(data), data))

    def _peer_closed(self, timeout):
        """True when the client has closed its end (EOF or error on the socket)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], timeout)
        except (OSError, ValueError):
            return True
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    def _pause(self, call, seconds):
        """Sleep, noticing if the client goes away meanwhile."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            step = min(remaining, 0.05)
            started = time.monotonic()
            if self._peer_closed(step):
                raise ClientGone()
            left = step - (time.monotonic() - started)
            if left > 0:  # readable but not EOF (pipelined data): just wait
                time.sleep(left)
        if self._peer_closed(0):
            raise ClientGone()

    def _stall(self, call):
        """Send nothing for up to STALL_SECONDS, noting when the client closes the connection."""
        STATE.update(call.entry, stalled=True)
        self.close_connection = True
        deadline = time.monotonic() + STALL_SECONDS
        while time.monotonic() < deadline:
            if self._peer_closed(0.1):
                STATE.update(call.entry, client_closed=True)
                return
            if select.select([self.connection], [], [], 0)[0]:
                time.sleep(0.1)  # pipelined data, not EOF

    def _abort(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # --- control API

    def _control_reply(self, status, value):
        body = jdump(value)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _control(self, path, query, raw):
        self.server_name_header = "fake-llm"
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            self._control_reply(400, {"error": "the body is not JSON"})
            return
        name = path[len("/_control/"):]
        method = self.command
        if (method, name) == ("POST", "reset"):
            STATE.reset()
            self._control_reply(200, {"ok": True})
        elif (method, name) == ("POST", "faults"):
            faults = body.get("faults") if isinstance(body, dict) else None
            problem = validate_faults(faults)
            if problem:
                self._control_reply(400, {"error": problem})
                return
            with STATE.cond:
                STATE.faults.extend(faults)
                queued = len(STATE.faults)
            self._control_reply(200, {"ok": True, "queued": queued})
        elif (method, name) == ("POST", "replies"):
            replies = body.get("replies") if isinstance(body, dict) else None
            if not isinstance(replies, list) or not all(isinstance(r, str) for r in replies):
                self._control_reply(400, {"error": "expected {\"replies\": [\"text\", ...]}"})
                return
            with STATE.cond:
                STATE.replies.extend(replies)
                queued = len(STATE.replies)
            self._control_reply(200, {"ok": True, "queued": queued})
        elif (method, name) == ("POST", "config"):
            problem = validate_config(body)
            if problem:
                self._control_reply(400, {"error": problem})
                return
            with STATE.cond:
                STATE.config.update(body)
                config = dict(STATE.config)
            self._control_reply(200, {"ok": True, "config": config})
        elif (method, name) == ("GET", "config"):
            with STATE.cond:
                config = dict(STATE.config)
            self._control_reply(200, config)
        elif (method, name) == ("GET", "log"):
            self._control_reply(200, {"requests": STATE.snapshot_log()})
        elif (method, name) == ("GET", "wait"):
            what = query.get("for", "")
            if what not in ("seen", "closed", "requests"):
                self._control_reply(400, {"error": "for must be seen, closed or requests"})
                return
            try:
                count = max(1, int(query.get("count", 1)))
                timeout = min(max(float(query.get("timeout", 5)), 0.0), 120.0)
            except ValueError:
                self._control_reply(400, {"error": "count and timeout must be numbers"})
                return
            self._control_reply(200, {"ok": bool(STATE.wait(what, count, timeout))})
        else:
            self._control_reply(404, {"error": f"no control route {method} /_control/{name}"})


def validate_faults(faults):
    if not isinstance(faults, list):
        return 'expected {"faults": [{"kind": ...}, ...]}'
    for index, fault in enumerate(faults):
        if not isinstance(fault, dict) or fault.get("kind") not in FAULT_KINDS:
            return f"faults[{index}]: kind must be one of {', '.join(FAULT_KINDS)}"
        if fault["kind"] == "status" and not isinstance(fault.get("status"), int):
            return f"faults[{index}]: a status fault needs an integer status"
        if "status" in fault and not (isinstance(fault["status"], int) and 100 <= fault["status"] <= 599):
            return f"faults[{index}]: status must be an integer 100...599"
        if "after_chunks" in fault and not (isinstance(fault["after_chunks"], int) and fault["after_chunks"] >= 0):
            return f"faults[{index}]: after_chunks must be a non-negative integer"
        if "match" in fault and not isinstance(fault["match"], str):
            return f"faults[{index}]: match must be a string"
    return None


def validate_config(body):
    kinds = {"cache_read": int, "chunk_delay": (int, float), "crlf": bool, "embedding_dim": int}
    if not isinstance(body, dict):
        return "expected a JSON object"
    for key, value in body.items():
        if key not in kinds:
            return f"unknown config key {key!r} (known: {', '.join(kinds)})"
        if not isinstance(value, kinds[key]) or (key != "crlf" and isinstance(value, bool)):
            return f"config key {key!r} has the wrong type"
        if key != "crlf" and value < 0 or key == "embedding_dim" and value < 1:
            return f"config key {key!r} is out of range"
    return None


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # a bug: traceback on stderr


# ----------------------------------------------------------------------------------------------
# Lifetime


def exit_with_parent(parent):
    while True:
        time.sleep(0.25)
        if os.getppid() != parent or time.monotonic() - STATE.last_activity > IDLE_EXIT_SECONDS:
            os._exit(0)


def exit_with_stdin():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    except Exception:
        pass
    os._exit(0)


def main():
    global VERBOSE
    parser = argparse.ArgumentParser(description="Fake LLM provider server for rbank tests (127.0.0.1 only).")
    parser.add_argument("--port", type=int, default=0, help="port to bind (0: an ephemeral port)")
    parser.add_argument("--exit-with-stdin", action="store_true",
                        help="exit when stdin closes, the parent dies, or after 300 s without requests")
    parser.add_argument("--verbose", action="store_true", help="one line per request on stderr")
    parser.add_argument("--chunk-delay", type=float, default=0.005, help="seconds between streamed pieces")
    args = parser.parse_args()
    # A parent that spawns from a thread with signals blocked (a test runner's worker thread) passes its
    # mask on; unblock the two that stop the server, before the handler threads start.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    VERBOSE = args.verbose
    STATE.default_chunk_delay = max(0.0, args.chunk_delay)
    STATE.reset()
    server = Server(("127.0.0.1", args.port), Handler)
    if args.exit_with_stdin:
        threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
        threading.Thread(target=exit_with_stdin, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
