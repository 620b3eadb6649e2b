"""RSS and Atom feeds, from files and from http(s) URLs served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefwire.ingest import IngestError, RawDocument, ReadOptions, read, read_one

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Steppe Daily</title><link>https://steppe.example/</link><language>en</language>
<item>
 <title>Reservists report to the stadium</title>
 <link>https://steppe.example/news/101</link>
 <guid isPermaLink="false">steppe-101</guid>
 <pubDate>Thu, 29 Sep 2022 14:20:00 +0300</pubDate>
 <author>desk@steppe.example (City Desk)</author>
 <description><![CDATA[<p>Reservists were told to gather at the stadium.</p>
 <p>Buses left at <b>noon</b>.</p>]]></description>
</item>
<item>
 <title>Headline only</title>
 <link>https://steppe.example/news/102</link>
</item>
<item>
 <title>Plain summary</title>
 <link>https://steppe.example/news/103</link>
 <description>Volunteers collected warm clothes for the new recruits.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbour Notes</title>
<id>urn:example:harbour</id>
<updated>2022-10-02T08:00:00Z</updated>
<entry>
 <title>Ferry crews exempted</title>
 <id>urn:example:harbour:7</id>
 <link href="https://harbour.example/7"/>
 <updated>2022-10-02T08:00:00Z</updated>
 <author><name>Port Reporter</name></author>
 <summary>Short teaser.</summary>
 <content type="html">&lt;p&gt;The port authority said ferry crews would be exempt.&lt;/p&gt;
 &lt;ul&gt;&lt;li&gt;Captains&lt;/li&gt;&lt;li&gt;Engineers&lt;/li&gt;&lt;/ul&gt;</content>
</entry>
</feed>
"""


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def test_rss_file_entries_become_documents_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "steppe.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = docs(read_one(path))
    assert first.origin == f"{path}#steppe-101"
    assert first.title == "Reservists report to the stadium"
    assert first.url == "https://steppe.example/news/101"
    assert first.outlet == "Steppe Daily"
    assert first.published == "2022-09-29T11:20:00+00:00"
    assert first.author == "City Desk"
    assert first.language == "en"
    assert first.format == "feed"
    assert second.text == "Volunteers collected warm clothes for the new recruits."


def test_rss_html_description_becomes_lines_of_text(tmp_path: Path) -> None:
    path = tmp_path / "steppe.xml"
    path.write_text(RSS, encoding="utf-8")
    first = docs(read_one(path))[0]
    assert first.text == "Reservists were told to gather at the stadium.\nBuses left at noon."


def test_rss_entry_without_summary_or_content_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "steppe.xml"
    path.write_text(RSS, encoding="utf-8")
    items = read_one(path)
    assert not any(isinstance(i, IngestError) for i in items)
    assert "https://steppe.example/news/102" not in [d.url for d in docs(items)]


def test_atom_content_is_preferred_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "harbour.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = docs(read_one(path))
    assert doc.text == "The port authority said ferry crews would be exempt.\nCaptains\nEngineers"
    assert doc.outlet == "Harbour Notes"
    assert doc.author == "Port Reporter"
    assert doc.published == "2022-10-02T08:00:00+00:00"
    assert doc.origin == f"{path}#urn:example:harbour:7"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_feed_in_undeclared_cyrillic_code_page_decodes(tmp_path: Path, encoding: str) -> None:
    feed = (
        '<rss version="2.0"><channel><title>Лента области</title><item><guid>r1</guid>'
        "<description>Повестки раздают у проходной завода.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "ru.xml"
    path.write_bytes(feed.encode(encoding))
    [doc] = docs(read_one(path))
    assert doc.text == "Повестки раздают у проходной завода."
    assert doc.outlet == "Лента области"


def test_feed_with_declared_encoding_is_decoded_as_declared(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        '<rss version="2.0"><channel><title>Лента</title><item><guid>r2</guid>'
        "<description>Сбор тёплых вещей для мобилизованных.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "declared.xml"
    path.write_bytes(feed.encode("cp1251"))
    [doc] = docs(read_one(path))
    assert doc.text == "Сбор тёплых вещей для мобилизованных."


def test_feed_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = docs(read_one(path))
    assert doc.format == "feed"


def test_malformed_feed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Half', "utf-8")
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert error.reason.startswith("malformed feed")
    assert not error.retryable


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.xml"
    path.write_text('<?xml version="1.0"?>\n<settings><a>1</a></settings>\n', "utf-8")
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert "feed" in error.reason


def test_feed_whose_entries_all_lack_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "titles.xml"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>a</title></item>'
        "<item><title>b</title></item></channel></rss>",
        "utf-8",
    )
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert "none of the feed's 2 entries" in error.reason


# ---- feeds over http ---------------------------------------------------------------------

BIG_FEED = RSS.replace("</channel>", "<!-- " + "x" * 50_000 + " --></channel>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        # The client may give up first (the timeout test): then there is nothing to answer.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self) -> None:
        if self.path == "/feed.xml":
            self._send(200, RSS.encode(), "application/rss+xml")
        elif self.path == "/rss":
            self._send(200, ATOM.encode(), "application/atom+xml; charset=utf-8")
        elif self.path == "/big-declared.xml":
            self._send(200, BIG_FEED.encode(), "application/rss+xml")
        elif self.path == "/big-undeclared.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()  # no Content-Length: the body runs until the connection closes
            self.wfile.write(BIG_FEED.encode())
        elif self.path == "/slow.xml":
            time.sleep(1.0)
            self._send(200, RSS.encode(), "application/rss+xml")
        elif self.path == "/busy.xml":
            self._send(503, b"try later", "text/plain")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return  # keep the test output quiet


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_feed_url_is_fetched_and_read(server: str) -> None:
    url = f"{server}/feed.xml"
    found = docs(list(read([url])))
    assert [d.origin for d in found] == [f"{url}#steppe-101", f"{url}#https://steppe.example/news/103"]
    assert found[0].extra["feed_url"] == url
    assert found[0].outlet == "Steppe Daily"


def test_feed_url_without_suffix_is_recognised(server: str) -> None:
    [doc] = docs(list(read([f"{server}/rss"])))
    assert doc.outlet == "Harbour Notes"


@pytest.mark.parametrize("route", ["/big-declared.xml", "/big-undeclared.xml"])
def test_feed_url_over_the_size_limit_is_an_error(server: str, route: str) -> None:
    url = server + route
    [error] = list(read([url], ReadOptions(http_max_bytes=20_000)))
    assert isinstance(error, IngestError)
    assert error.origin == url
    assert "too large" in error.reason and "20,000" in error.reason
    assert not error.retryable


def test_feed_url_that_times_out_is_a_retryable_error(server: str) -> None:
    url = f"{server}/slow.xml"
    [error] = list(read([url], ReadOptions(http_timeout=0.2)))
    assert isinstance(error, IngestError)
    assert error.origin == url
    assert "timed out" in error.reason
    assert error.retryable


def test_feed_url_server_error_is_retryable_and_missing_page_is_not(server: str) -> None:
    busy, missing = list(read([f"{server}/busy.xml", f"{server}/gone.xml"]))
    assert isinstance(busy, IngestError) and isinstance(missing, IngestError)
    assert "HTTP 503" in busy.reason and busy.retryable
    assert "HTTP 404" in missing.reason and not missing.retryable


def test_feed_url_refused_connection_is_retryable_and_batch_goes_on(server: str, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    local = tmp_path / "local.txt"
    local.write_text("A local note that must still be read.", encoding="utf-8")
    error, doc = list(read([f"http://127.0.0.1:{closed_port}/feed.xml", local]))
    assert isinstance(error, IngestError) and error.retryable
    assert "network error" in error.reason
    assert isinstance(doc, RawDocument) and doc.origin == str(local)
