"""The links list in a real terminal (issue 16): o lists the article's links, Enter opens the chosen
one with $BROWSER (a script that writes down its argument) without disturbing the screen, y copies
it with OSC 52 only when the config allows (tmux keeps what it is sent as a paste buffer)."""
import json
import time

FIRST = "https://vnexpress.net/chu-de/vien-nghien-cuu-rau-qua-1234"
SECOND = "https://dantri.com.vn/suc-khoe.htm"


def write_article(folder):
    article = {
        "title": "Lan đột biến là hoa gì",
        "blocks": [
            {"kind": "title", "text": "Lan đột biến là hoa gì"},
            {"kind": "paragraph", "text": "Dân trí đã liên hệ với Viện Nghiên cứu Rau quả[1], chuyên gia hàng đầu."},
            {"kind": "paragraph", "text": "Xem thêm tin Sức khỏe[2] mỗi ngày."},
        ],
        "links": [
            {"number": 1, "url": FIRST, "text": "Viện Nghiên cứu Rau quả"},
            {"number": 2, "url": SECOND, "text": "Sức khỏe"},
        ],
    }
    path = folder / "lan.json"
    path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    return path


def write_browser(folder):
    record = folder / "opened"
    script = folder / "browser.sh"
    script.write_text(f"#!/bin/sh\necho hello from the browser >&2\nprintf '%s\\n' \"$@\" > {record}.tmp && mv {record}.tmp {record}\n")
    script.chmod(0o755)
    return script, record


def wait_for_file(path, timeout=15):
    """The browser runs detached: its record appears when it has run (polled with a deadline)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.exists():
            return path.read_text()
        time.sleep(0.02)
    raise AssertionError(f"{path} never appeared")


def test_enter_opens_the_chosen_link_in_the_browser(pane, tmp_path):
    article = write_article(tmp_path)
    script, record = write_browser(tmp_path)
    p = pane(100, 30, env={"BROWSER": str(script)})
    p.docbao(str(article))
    p.wait_for("Viện Nghiên cứu Rau quả[1]")
    p.keys("o")
    p.wait_for("Liên kết (2)")
    assert FIRST in p.screen() and SECOND in p.screen()
    p.keys("j")
    p.wait_for(lambda s: any("▶" in line and SECOND in line for line in s.split("\n")), what="the cursor on [2]")
    p.keys("Enter")
    assert wait_for_file(record) == SECOND + "\n"
    p.wait_for("Đang mở bằng")
    # The browser's own output never reaches the reader's screen, and the reader goes on.
    assert "hello from the browser" not in p.screen()
    p.keys("q")
    p.wait_for(lambda s: "Liên kết (2)" not in s and "Dân trí đã liên hệ" in s, what="the article again")
    p.keys("q")
    p.wait_exit(0)
    assert "hello from the browser" not in p.screen()


def test_y_copies_only_when_the_config_says_so(pane, tmp_path):
    article = write_article(tmp_path)
    p = pane(100, 30)
    p.tmux("set-option", "-g", "set-clipboard", "on")
    p.docbao(str(article))
    p.wait_for("Rau quả[1]")
    p.keys("o")
    p.wait_for("Liên kết (2)")
    p.keys("y")
    p.wait_for('copy = "osc52"')
    assert p.tmux("list-buffers") == ""
    p.keys("q", "q")
    p.wait_exit(0)

    config = tmp_path / "config" / "docbao"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[reader]\ncopy = "osc52"\n', encoding="utf-8")
    p.docbao(str(article), prefix=f"XDG_CONFIG_HOME={tmp_path / 'config'} ")
    p.wait_for("Rau quả[1]")
    p.keys("o")
    p.wait_for("Liên kết (2)")
    p.keys("y")
    p.wait_for("Đã chép liên kết [1]")
    end = time.monotonic() + 15
    while p.tmux("list-buffers") == "" and time.monotonic() < end:
        time.sleep(0.02)
    assert p.tmux("show-buffer") == FIRST
    p.keys("q", "q")
    p.wait_exit(0)


def test_the_key_is_in_the_help(pane, tmp_path):
    p = pane(100, 60)
    p.docbao(str(write_article(tmp_path)))
    p.wait_for("Rau quả[1]")
    p.keys("h")
    p.wait_for("liên kết của bài")


def test_a_saved_page_lists_its_links(pane, tmp_path):
    """The vnexpress fixture: the link inside the article is [1], the menus' links are not listed."""
    import vnsites
    page = vnsites.build("vnexpress")
    path = tmp_path / page.name
    path.write_bytes(page.data)
    script, record = write_browser(tmp_path)
    p = pane(120, 30, env={"BROWSER": str(script)})
    p.docbao(str(path))
    p.wait_for("Lan đột biến")
    p.keys("o")
    p.wait_for("Liên kết (1)")
    assert page.links[0] in p.screen()
    p.keys("Enter")
    assert wait_for_file(record) == page.links[0] + "\n"
    p.keys("q", "q")
    p.wait_exit(0)
