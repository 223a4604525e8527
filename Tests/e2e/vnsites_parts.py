"""The pieces the Vietnamese site pages of vnsites.py are made of: the article texts read in place
from ../shared/testdata, the boilerplate every news site has (comments, share buttons, related lists,
newsletter boxes), figures and links with what docbao must make of them, and the encodings."""

import html
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DANTRI = SHARED / "testdata" / "articles-dantri"
SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


@dataclass
class Page:
    name: str
    data: bytes
    # (kind, text, credit) in reading order, as docbao's JSON model must have them.
    blocks: list
    metadata: dict
    # Strings of the page around the article: not one may reach the output.
    boilerplate: list = field(default_factory=list)
    # The addresses of the article's links, in the order of their numbers.
    links: list = field(default_factory=list)


def corpus_lines(name):
    """The sentences of an articles-dantri file (one a line), its `# key = value` header dropped.
    Kept exactly as stored: NFD files stay NFD."""
    text = (DANTRI / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip() and not line.startswith("# ")]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def esc(s):
    return html.escape(s, quote=False)


def other_titles(count, skip):
    """Real headlines for related and most-read lists: other articles' first lines."""
    manifest = (DANTRI / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    titles = [nfc(row.split("\t")[-1]) for row in manifest if not row.startswith(skip)]
    return [t for t in titles if len(t.split()) <= 16][:count]


# Boilerplate every site has in some form; each site adds its own.
COMMENTS = [
    "Bài viết rất hay, cảm ơn tác giả đã cung cấp thông tin hữu ích.",
    "Mong các cơ quan chức năng sớm vào cuộc xử lý dứt điểm.",
    "Tôi ở quê cũng thấy tình trạng tương tự, ai cũng lo lắng.",
]
NEWSLETTER = "Đăng ký nhận bản tin mỗi sáng để không bỏ lỡ tin tức quan trọng"


def comments_html(cls):
    items = "".join(
        f'<div class="comment_item"><p class="full_content"><span class="txt-name">'
        f'<a href="/u/{i}">Độc giả {i}</a></span> {esc(c)}</p>'
        f'<div class="reactions"><a href="#" class="link_thich">Thích</a> <a href="#">Trả lời</a></div></div>'
        for i, c in enumerate(COMMENTS, 1))
    return (f'<section class="{cls}"><h3 class="title_box">Ý kiến bạn đọc (3)</h3>'
            f'<textarea placeholder="Chia sẻ ý kiến của bạn"></textarea>{items}'
            f'<a class="view_more" href="#">Xem thêm ý kiến</a></section>')


def share_html():
    return ('<div class="social_share"><a href="https://www.facebook.com/sharer" class="facebook">Chia sẻ Facebook</a>'
            '<a href="https://twitter.com/intent/tweet">Tweet</a><a href="#" class="copy">Sao chép liên kết</a>'
            '<a href="#" class="zalo">Zalo</a></div>')


def related_html(cls, heading, titles):
    items = "".join(f'<li><a href="/tin-{i}.html">{esc(t)}</a></li>' for i, t in enumerate(titles))
    return f'<div class="{cls}"><h3>{heading}</h3><ul>{items}</ul></div>'


def linked(text, phrase, url):
    """A paragraph's HTML with `phrase` linked to `url`, and its expected text: the reference "[n]"
    right after the link's words (n filled in by the caller's numbering)."""
    assert phrase in text, phrase
    return (esc(text).replace(esc(phrase), f'<a href="{url}">{esc(phrase)}</a>', 1),
            nfc(text).replace(nfc(phrase), nfc(phrase) + "[{n}]", 1))


def para(text, cls=None):
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{esc(text)}</p>"


def figure(caption, credit_text, wrap="figure"):
    return (f'<{wrap} class="tplCaption"><img src="/img/{abs(hash(caption)) % 9999}.jpg" alt="">'
            f'<figcaption><p class="Image">{esc(caption)} {esc(credit_text)}</p></figcaption></{wrap}>')


def expected_caption(caption, credit_text):
    """A caption's block: its words, and the credit as written after the label "Ảnh:" (shown again
    as "Ảnh: X") or with its own label kept ("Nguồn: X")."""
    credit = credit_text.strip("()")
    if not credit.startswith("Ảnh: "):
        return ("caption", nfc(caption + " " + credit_text), None)
    return ("caption", nfc(caption), nfc(credit[len("Ảnh: "):]))


def entity_words(text):
    """The text as a CMS writes it: some letters as numeric character references inside words,
    and the space after the first comma as &nbsp;."""
    out = esc(text).replace("Hà Nội", "H&agrave; N&#7897;i").replace("khách", "kh&#225;ch")
    return out.replace(", ", ",&nbsp;", 1)


def dantri_shell(title, sapo_html, content, byline, date_attr, date_text, url, nfd_slug):
    menu = ["Xã hội", "Thế giới", "Kinh doanh", "Bất động sản", "Thể thao", "Lao động - Việc làm", "Tấm lòng nhân ái",
            "Sức khỏe", "Văn hóa", "Giải trí", "Sức mạnh số", "Giáo dục", "An sinh", "Pháp luật"]
    related = other_titles(5, nfd_slug)
    footer = "Cơ quan chủ quản: Bộ Lao động - Thương binh và Xã hội. Giấy phép hoạt động báo điện tử số 298/GP-BTTTT"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)} | Báo Dân trí</title>
<meta property="og:site_name" content="Báo Dân trí">
<meta property="og:url" content="{url}">
<meta name="author" content="{html.escape(byline)}">
</head><body>
<div id="top-menu"><a href="/" class="logo">Dân trí</a><ul class="menu-wrap">{"".join(f'<li class="menu-item"><a href="/c{i}.htm">{m}</a></li>' for i, m in enumerate(menu))}</ul></div>
<main class="body"><div class="grid-container"><article class="singular-container">
<ul class="dt-breadcrumb"><li><a href="/xa-hoi.htm">Xã hội</a></li><li><a href="/xa-hoi/doi-song.htm">Đời sống</a></li></ul>
<h1 class="title-page detail">{esc(title)}</h1>
<div class="author-wrap"><div class="author-name"><a href="/tac-gia/x.htm"><b>{esc(byline)}</b></a></div>
<time class="author-time" datetime="{date_attr}">{date_text}</time></div>
<h2 class="singular-sapo">{sapo_html}</h2>
<div class="singular-content">
{content}
</div>
<div class="singular-footer"><div class="tags-wrap"><span>Tags:</span><a href="/tag/covid-19.htm">Covid-19</a></div>
<div class="social-share">{share_html()}</div></div>
<div class="article-related"><h3>Tin liên quan</h3><ul>{"".join(f'<li><article class="article-item"><h3 class="article-title"><a href="/r{i}.htm">{esc(t)}</a></h3></article></li>' for i, t in enumerate(related))}</ul></div>
{comments_html("comment-wrap")}
</article><aside class="sidebar"><div class="box-docnhieu"><h3>Đọc nhiều</h3><ol>{"".join(f'<li><a href="/d{i}.htm">{esc(t)}</a></li>' for i, t in enumerate(other_titles(12, nfd_slug)[7:]))}</ol></div>
<div class="newsletter"><p>{NEWSLETTER}</p><form><input type="email" placeholder="Nhập email"><button>Đăng ký</button></form></div></aside>
</div></main>
<footer class="footer"><p>{footer}</p><p>Tòa soạn: Nhà N2, số 48 Tố Hữu, Trung Văn, Nam Từ Liêm, Hà Nội</p></footer>
</body></html>
"""
    return page, [*menu[1:], *related, *COMMENTS, NEWSLETTER, footer, "Đọc nhiều", "Tin liên quan", "Đời sống", "Tố Hữu"]


def cp1258(text):
    """Text in windows-1258: letters with circumflex, breve or horn precomposed, tone marks as the
    combining characters the code page has (how Vietnamese Windows wrote it)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        for shape in "\u0302\u0306\u031b":  # circumflex, breve, horn: the code page has â ă ê ô ơ ư
            if shape in marks:
                base, marks = unicodedata.normalize("NFC", base + shape), marks.replace(shape, "")
        out.append((base + marks).encode("cp1258", errors="xmlcharrefreplace"))
    return b"".join(out)
