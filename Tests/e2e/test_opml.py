"""Subscriptions in and out as OPML (issue 17): docbao feed import reads other readers' exports
(newsboat's, Feedly's nested folders), feed list shows what came in, feed export writes OPML 2.0
that a fresh library imports back to the same subscriptions; a hostile file is refused with a
clear message and adds nothing; escape sequences in outline titles reach the terminal
neutralised."""
import os
import re
import shlex
import subprocess
import time
import xml.etree.ElementTree as ET

from tmux_harness import BINARY

NEWSBOAT = """<?xml version="1.0"?>
<opml version="1.0">
  <head>
    <title>newsboat - Exported Feeds</title>
  </head>
  <body>
    <outline type="rss" xmlUrl="https://vnexpress.net/rss/tin-moi-nhat.rss" htmlUrl="https://vnexpress.net" title="VnExpress - Tin nhanh Việt Nam"/>
    <outline type="rss" xmlUrl="https://tuoitre.vn/rss/tin-moi-nhat.rss?a=1&amp;b=2" htmlUrl="https://tuoitre.vn/" title="Tuổi Trẻ &amp; &lt;Online&gt;"/>
    <outline type="rss" xmlUrl="exec:~/bin/tin.sh" htmlUrl="" title="Kịch bản"/>
    <outline type="rss" xmlUrl="query:Chưa đọc:unread = &quot;yes&quot;" htmlUrl="" title="Chưa đọc"/>
  </body>
</opml>
"""

FEEDLY = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
    <head><title>An subscriptions in feedly Cloud</title></head>
    <body>
        <outline text="Tin tức" title="Tin tức">
            <outline type="rss" text="Thanh Niên" title="Thanh Niên" xmlUrl="https://thanhnien.vn/rss/home.rss" htmlUrl="https://thanhnien.vn"/>
            <outline text="Thế giới" title="Thế giới">
                <outline type="rss" text="BBC Tiếng Việt" title="BBC News Tiếng Việt" xmlUrl="https://feeds.bbci.co.uk/vietnamese/rss.xml" htmlUrl="https://www.bbc.com/vietnamese"/>
            </outline>
        </outline>
        <outline text="Công nghệ"><outline text="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/></outline>
    </body>
</opml>
"""


def run(*args, **kw):
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, timeout=60, **kw)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def outlines(opml_text):
    """The feeds of an OPML text, as (xmlUrl, text, htmlUrl), read by Python's own XML parser."""
    root = ET.fromstring(opml_text.encode("utf-8"))
    return [(o.get("xmlUrl"), o.get("text"), o.get("htmlUrl")) for o in root.iter("outline") if o.get("xmlUrl")]


def exported(library):
    r = run("feed", "export", "--library", library)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_newsboat_export_imports_and_lists(tmp_path):
    library = tmp_path / "lib.sqlite"
    subs = write(tmp_path, "newsboat.opml", NEWSBOAT)
    r = run("feed", "import", subs, "--library", library)
    # Two feeds added; newsboat's exec: and query: feeds are not http ones: named, skipped, status 1.
    assert r.returncode == 1, r.stderr
    assert r.stdout == "2 added, 0 already there, 2 skipped: not an http or https address\n"
    assert "Kịch bản: not an http or https address (exec:~/bin/tin.sh)" in r.stderr
    assert "Chưa đọc: not an http or https address" in r.stderr
    listed = run("feed", "list", "--library", library)
    assert listed.returncode == 0, listed.stderr
    assert "VnExpress - Tin nhanh Việt Nam" in listed.stdout and "Tuổi Trẻ & <Online>" in listed.stdout
    assert "https://tuoitre.vn/rss/tin-moi-nhat.rss?a=1&b=2" in listed.stdout
    assert "Kịch bản" not in listed.stdout
    # Again: nothing new, and the names stay.
    again = run("feed", "import", subs, "--library", library)
    assert again.stdout == "0 added, 2 already there, 2 skipped: not an http or https address\n"
    assert outlines(exported(library)) == [
        ("https://vnexpress.net/rss/tin-moi-nhat.rss", "VnExpress - Tin nhanh Việt Nam", "https://vnexpress.net"),
        ("https://tuoitre.vn/rss/tin-moi-nhat.rss?a=1&b=2", "Tuổi Trẻ & <Online>", "https://tuoitre.vn/"),
    ]


def test_nested_folders_import_every_feed(tmp_path):
    library = tmp_path / "lib.sqlite"
    r = run("feed", "import", write(tmp_path, "feedly.opml", FEEDLY), "--library", library)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "3 added, 0 already there\n" and r.stderr == ""
    listed = run("feed", "list", "--library", library).stdout
    for name in ("Thanh Niên", "BBC Tiếng Việt", "Ars Technica"):
        assert name in listed
    assert "Tin tức" not in listed and "Thế giới" not in listed


def test_export_then_import_into_a_fresh_library_gives_the_same_subscriptions(tmp_path):
    first = tmp_path / "a.sqlite"
    run("feed", "import", write(tmp_path, "feedly.opml", FEEDLY), "--library", first)
    run("feed", "import", write(tmp_path, "newsboat.opml", NEWSBOAT), "--library", first)
    target = tmp_path / "out" / "subs.opml"
    target.parent.mkdir()
    target.write_text("an older export\n", encoding="utf-8")
    r = run("feed", "export", target, "--library", first)
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"5 feeds written to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert text == exported(first).replace(_created(exported(first)), _created(text))
    # Written atomically: no temporary file is left beside it.
    assert sorted(os.listdir(target.parent)) == ["subs.opml"]
    fresh = tmp_path / "b.sqlite"
    back = run("feed", "import", target, "--library", fresh)
    assert back.returncode == 0 and back.stdout == "5 added, 0 already there\n", back.stderr
    assert outlines(exported(fresh)) == outlines(text)
    assert len(outlines(text)) == 5
    assert run("feed", "list", "--library", fresh).stdout == run("feed", "list", "--library", first).stdout


def test_an_exported_file_is_made_with_the_umask_and_keeps_the_mode_of_the_one_it_replaces(tmp_path):
    # An export is meant for another reader or another machine: not a private 0600 file.
    library = tmp_path / "l.sqlite"
    run("feed", "import", write(tmp_path, "newsboat.opml", NEWSBOAT), "--library", library)
    new, old = tmp_path / "new.opml", tmp_path / "old.opml"
    old.write_text("an older export\n", encoding="utf-8")
    os.chmod(old, 0o664)
    r = run("feed", "export", new, "--library", library, preexec_fn=lambda: os.umask(0o022))
    assert r.returncode == 0, r.stderr
    assert os.stat(new).st_mode & 0o777 == 0o644
    r = run("feed", "export", old, "--library", library, preexec_fn=lambda: os.umask(0o077))
    assert r.returncode == 0, r.stderr
    assert os.stat(old).st_mode & 0o777 == 0o664
    assert outlines(old.read_text(encoding="utf-8")) == outlines(new.read_text(encoding="utf-8"))


def test_newsboats_urls_file_is_refused_with_the_way_to_its_opml(tmp_path):
    # A newsboat user's first try: the urls file itself, not its export.
    urls = write(tmp_path, "urls", '# tin\nhttps://vnexpress.net/rss/tin-moi-nhat.rss "tin" "~VnExpress"\nhttps://tuoitre.vn/rss/tin-moi-nhat.rss\n')
    library = tmp_path / "l.sqlite"
    r = run("feed", "import", urls, "--library", library)
    assert r.returncode == 1 and r.stdout == ""
    assert "newsboat's urls file" in r.stderr and "newsboat -e > subs.opml" in r.stderr, r.stderr
    assert outlines(exported(library)) == []
    # Other text that is not OPML gets no such hint.
    other = run("feed", "import", write(tmp_path, "notes.txt", "Ghi chú\nhttps://vnexpress.net\n"), "--library", library)
    assert other.returncode == 1 and "not well-formed XML" in other.stderr and "newsboat -e" not in other.stderr


def test_a_file_subscription_is_exported_but_an_opml_file_cannot_subscribe_to_a_file(tmp_path):
    library = tmp_path / "a.sqlite"
    feed = write(tmp_path, "tin.rss", '<rss version="2.0"><channel><title>Tệp tin</title><item><title>A</title></item></channel></rss>')
    assert run("feed", "add", feed, "--library", library).returncode == 0
    run("feed", "import", write(tmp_path, "feedly.opml", FEEDLY), "--library", library)
    text = exported(library)
    assert outlines(text)[0][0] == feed.as_uri()
    # A file named by an OPML file (someone else's, perhaps) is not read: said, and the rest come in.
    r = run("feed", "import", "-", "--library", tmp_path / "b.sqlite", input=text)
    assert r.returncode == 1 and r.stdout.startswith("3 added, 0 already there, 1 skipped: a file on this computer")
    assert f"skipped Tệp tin: a file on this computer ({feed.as_uri()})" in r.stderr


def test_a_file_feeds_relative_site_is_no_htmlurl(tmp_path):
    """The newcomer trial: a feed file whose <link> is relative (/news/) was exported with the
    htmlUrl file:///news/, a page on no computer. A site that is no web address is left out; a
    file feed's web site is kept."""
    library = tmp_path / "a.sqlite"
    relative = write(tmp_path, "tin.rss", '<rss version="2.0"><channel><title>Tin</title><link>/news/</link>'
                     '<item><title>A</title></item></channel></rss>')
    absolute = write(tmp_path, "bao.rss", '<rss version="2.0"><channel><title>Báo</title><link>https://bao.example/</link>'
                     '<item><title>B</title></item></channel></rss>')
    for feed in (relative, absolute):
        assert run("feed", "add", feed, "--library", library).returncode == 0
    assert run("update", "--library", library).returncode == 0
    sites = {url: site for url, _, site in outlines(exported(library))}
    assert sites == {relative.as_uri(): None, absolute.as_uri(): "https://bao.example/"}, sites


def _created(text):
    start = text.index("<dateCreated>")
    return text[start:text.index("</dateCreated>") + len("</dateCreated>")]


def test_hostile_and_broken_files_add_nothing(tmp_path):
    library = tmp_path / "lib.sqlite"
    secret = write(tmp_path, "secret.txt", "BÍ MẬT")
    lol = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 13))
    ok = '<outline text="Tốt" xmlUrl="https://good.example/rss"/>'
    cases = {
        "bomb.opml": (f'<?xml version="1.0"?><!DOCTYPE opml [{lol}]><opml><body>{ok}'
                      '<outline text="&lol12;" xmlUrl="https://a.example/rss"/></body></opml>', "declares entities"),
        "xxe.opml": (f'<!DOCTYPE opml [<!ENTITY x SYSTEM "file://{secret}">]><opml><body>{ok}'
                     '<outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>', "declares entities"),
        "dtd.opml": (f'<!DOCTYPE opml SYSTEM "{secret}"><opml><body>{ok}</body></opml>', "names an external DTD"),
        "page.opml": ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Trang</title></head><body><p>Không</body></html>",
                      "an HTML page, not an OPML file"),
        "feed.opml": ('<rss version="2.0"><channel><title>T</title></channel></rss>', "a feed, not an OPML list"),
        "cut.opml": (f'<opml><body>{ok}<outline text="Cụt" xmlUrl="https://a.examp', "not well-formed XML"),
        "text.opml": ("chỉ là chữ\n", "not well-formed XML"),
        "empty.opml": ("", "empty: not an OPML file"),
    }
    for name, (text, reason) in cases.items():
        path = write(tmp_path, name, text)
        start = time.monotonic()
        r = run("feed", "import", path, "--library", library)
        assert time.monotonic() - start < 10
        assert r.returncode == 1 and r.stdout == "", (name, r.stdout)
        assert r.stderr.startswith(f"docbao feed import: {path}: ") and reason in r.stderr, (name, r.stderr)
        assert "BÍ MẬT" not in r.stderr and r.stderr.count("\n") == 1
    assert outlines(exported(library)) == []
    missing = run("feed", "import", tmp_path / "none.opml", "--library", library)
    assert missing.returncode == 1 and "none.opml: no such file" in missing.stderr


def test_import_from_standard_input_and_help(tmp_path):
    library = tmp_path / "lib.sqlite"
    r = run("feed", "import", "-", "--library", library, input=FEEDLY)
    assert r.returncode == 0 and r.stdout == "3 added, 0 already there\n", r.stderr
    text = run("help", "feed", "import").stdout
    assert "docbao feed import FILE" in text and "xmlUrl" in text and "newsboat" in text
    assert run("help", "feed", "export").stdout == run("feed", "export", "--help").stdout
    assert "import" in run("help", "feed").stdout and "export" in run("help", "feed").stdout


def test_escape_sequences_in_outline_titles_are_neutralised(pane, tmp_path):
    library = tmp_path / "lib.sqlite"
    hostile = write(tmp_path, "hostile.opml", """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><body>
<outline text="Đỏ \u009b31m chữ \u009d0;tiêu đề\u009c" xmlUrl="https://red.example/rss"/>
<outline text="Ngược \u202egnàh" xmlUrl="https://rtl.example/rss"/>
<outline text="Lệnh \u009b2J" xmlUrl="exec:clear"/>
<outline text="Xoá &#x1B;[2J&#x1B;]0;tựa&#7;" xmlUrl="https://esc.example/rss"/>
</body></opml>
""")
    p = pane(120, 30)
    here = f"cd {shlex.quote(str(tmp_path))} && "
    p.docbao(f"feed import {hostile.name} --library {library.name}", prefix=here)
    p.wait_exit(1)
    p.docbao(f"feed list --library {library.name}", prefix=here)
    p.wait_for(lambda s: len(re.findall(r"EXIT=\d", s)) == 2, what="feed list to finish")
    screen = p.screen()
    assert "Đỏ <U+009B>31m chữ <U+009D>0;tiêu đề<U+009C>" in screen
    assert "Ngược <U+202E>gnàh" in screen
    # ESC, which XML forbids even as a reference, is read as its picture rather than refusing the file.
    assert "Xoá ␛[2J␛]0;tựa␇" in screen
    assert "Lệnh <U+009B>2J: not an http or https address" in screen
    escaped = p.screen(escapes=True)
    assert "\x9b" not in escaped and "\u202e" not in escaped
    # The export holds them as character references: the same names, no byte a terminal obeys.
    text = exported(library)
    assert "\x9b" not in text and "&#x9B;31m" in text
    assert outlines(text)[0][1] == "Đỏ \u009b31m chữ \u009d0;tiêu đề\u009c"
