"""Fuzzing at the public edge (hypothesis): arbitrary text, JSON and headers sent to the gateway
in front of the real Rasa, and arbitrary text to Rasa's NLU through its REST channel.

Whatever arrives: never a 500; a valid message always gets a non-empty reply; a request that
is refused changes no record. Example counts are modest so the suite stays quick (each valid
message is a real turn through Rasa).
"""

from __future__ import annotations

import http.client
import json
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.records.database import alert_outbox, intake_records, make_engine, risk_events
from bot.records.transcripts import START_PAYLOAD, events_table
from bot.runtime.stack import Stack
from bot.web.plain_text import neutralise
from tests.web.conftest import web_app

pytestmark = pytest.mark.integration

FUZZ = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
MAX_CHARS = 2000

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12)
#: Bodies shaped like the widget's, with anything in each field, and anything at all.
bodies = st.one_of(
    st.fixed_dictionaries({}, optional={"message": json_values | st.text(max_size=60),
                                        "payload": json_values | st.sampled_from(
                                            ["/greet", "/affirm", "/risk_suicide", "/restart"]),
                                        "site": json_values | st.sampled_from(
                                            ["northbrook", "eastvale", "../etc"])}),
    json_values,
)
header_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       min_size=1, max_size=20).filter(
    lambda n: n.lower() not in ("content-length", "transfer-encoding", "host", "connection",
                                "expect", "te", "upgrade", "trailer"))
header_values = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7e),
                        max_size=60)
headers = st.dictionaries(
    header_names | st.sampled_from(["Content-Type", "Origin", "X-Forwarded-For", "Cookie",
                                    "Accept", "Content-Encoding"]),
    header_values, max_size=5)


class Edge:
    """One browser's conversation with a gateway, over plain HTTP (so headers can be anything)."""

    def __init__(self, url: str, db_url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookie = ""
        self.engine = make_engine(db_url)

    def post(self, body: bytes, extra: dict[str, str] | None = None,
             keep_cookie: bool = True) -> tuple[int, dict]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        sent = {"Content-Type": "application/json"}
        if self.cookie:
            sent["Cookie"] = self.cookie
        sent.update(extra or {})
        try:
            connection.request("POST", "/api/chat", body=body, headers=sent)
            response = connection.getresponse()
            raw = response.read()
            cookie = response.getheader("Set-Cookie")
        finally:
            connection.close()
        if keep_cookie and cookie and response.status == 200:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, json.loads(raw)

    def snapshot(self) -> tuple[int, ...]:
        """How many records of each kind there are, everywhere."""
        with self.engine.connect() as conn:
            return tuple(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                         for table in (events_table, intake_records, risk_events, alert_outbox))


@pytest.fixture(scope="module")
def edge(stack: Stack) -> Iterator[Edge]:
    """A gateway without the rate limits (hypothesis sends faster than any mother), and a
    conversation open on it."""
    with web_app(stack, conversation_rate="100000", address_rate="100000") as url:
        client = Edge(url, stack.db_url)
        status, _ = client.post(json.dumps({"payload": START_PAYLOAD}).encode())
        assert status == 200
        # SQLite: the first read of Rasa's table from here can miss it ("no such table")
        # just after Rasa's first write; read until it is seen, so each test compares like
        # with like.
        for _ in range(20):
            try:
                client.snapshot()
                break
            except sa.exc.OperationalError:
                time.sleep(0.5)
        yield client
        client.engine.dispose()


def assert_answered(status: int, data: dict) -> None:
    assert status == 200, data
    assert data["messages"] and all(m["text"] for m in data["messages"]), data


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_gets_a_reply_or_a_clear_refusal(edge: Edge, text: str) -> None:
    before = edge.snapshot()
    status, data = edge.post(json.dumps({"message": text, "site": "eastvale"}).encode())
    assert status != 500
    if neutralise(text):
        assert_answered(status, data)
    else:
        assert status == 400 and data["error"] == "empty"
        assert edge.snapshot() == before


@FUZZ
@given(body=bodies)
def test_any_json_body_is_never_a_server_error(edge: Edge, body: object) -> None:
    before = edge.snapshot()
    status, data = edge.post(json.dumps(body).encode())
    assert status < 500, data
    if status == 200:
        assert data["messages"] and all(m["text"] for m in data["messages"])
    else:
        assert data["error"] and data["message"]
        assert edge.snapshot() == before, "a refused request changed a record"


@FUZZ
@given(raw=st.binary(max_size=200))
def test_any_bytes_are_never_a_server_error(edge: Edge, raw: bytes) -> None:
    before = edge.snapshot()
    status, data = edge.post(raw)
    assert status < 500, data
    if status != 200:
        assert edge.snapshot() == before


@FUZZ
@given(extra=headers)
def test_any_headers_are_never_a_server_error(edge: Edge, extra: dict[str, str]) -> None:
    before = edge.snapshot()
    status, data = edge.post(json.dumps({"message": "hello", "site": "northbrook"}).encode(),
                             extra, keep_cookie=False)
    assert status < 500, data
    if status == 200:
        assert_answered(status, data)
    else:
        assert data["error"] in ("bad_request", "forbidden"), data
        assert edge.snapshot() == before


@settings(max_examples=20, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200).filter(lambda t: neutralise(t) != ""))
def test_the_nlu_answers_any_text(stack: Stack, text: str) -> None:
    """Rasa's own REST channel, as the gateway uses it: whatever she wrote, Rasa's NLU and the
    safety net read it and the assistant says something."""
    connection = http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=60)
    body = {"sender": uuid.uuid4().hex, "message": neutralise(text),
            "metadata": {"site": "northbrook"}}
    try:
        connection.request("POST", "/webhooks/rest/webhook", body=json.dumps(body).encode(),
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        replies = json.loads(response.read())
    finally:
        connection.close()
    assert response.status == 200
    assert replies and all(r.get("text") for r in replies), replies
