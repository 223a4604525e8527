"""Saved pages in the shapes of six Vietnamese news sites, filled with real articles, and what docbao
must find in each.

The article texts are read in place from ``../shared/testdata`` (never copied into the repository);
the page around them is written here, in each site's real markup: its article elements
(``h1.title-detail``, ``p.description``, ``article.fck_detail > p.Normal``; ``h1.title-page``,
``h2.singular-sapo``, ``div.singular-content``; ``h1.detail-title``, ``h2.detail-sapo``,
``div.detail-content``, ``PhotoCMS_Caption``…) and what surrounds it on the real site: menus,
breadcrumbs, share buttons, related and most-read lists, comments, newsletter boxes and footers.
Every page also comes in a different form: NFD text, windows-1258, a BOM, no declared charset,
entities inside words, ``&nbsp;``.

``build(name)`` gives a ``Page``: its bytes, the blocks docbao must produce (kind, text, credit), the
metadata, and the boilerplate strings none of which may come out. ``python3 vnsites.py DIR`` writes
the pages into DIR, for looking at them in a browser or in docbao.
"""

import html
import sys
import unicodedata
from pathlib import Path

from vnsites_parts import (
    COMMENTS, NEWSLETTER, SEED, Page, comments_html, corpus_lines, cp1258, dantri_shell, entity_words, esc,
    expected_caption, figure, linked, nfc, other_titles, para, related_html, share_html,
)

# --- vnexpress.net ---------------------------------------------------------------------------

def vnexpress():
    lines = corpus_lines("news_science_127.txt")
    title = "Lan đột biến là hoa gì mà làm bùng lên cơn sốt bạc tỷ của người Việt?"
    byline = lines[31]
    body, blocks, links = [], [("title", title, None), ("lead", nfc(lines[0]), None)], []
    for n, line in enumerate(lines[1:31], 2):
        if n == 4:
            body.append(f'<h2 class="Normal">{esc(line)}</h2>')
            blocks.append(("heading", nfc(line), None))
        elif n == 13:  # a bold-only paragraph is a section heading
            body.append(f'<p class="Normal"><strong>{esc(line)}</strong></p>')
            blocks.append(("heading", nfc(line), None))
        elif n == 5:
            url = "https://vnexpress.net/chu-de/vien-nghien-cuu-rau-qua-1234"
            markup, expected = linked(line, "Viện Nghiên cứu Rau quả", url)
            body.append(f'<p class="Normal">{markup}</p>')
            blocks.append(("paragraph", expected.format(n=1), None))
            links.append(url)
        elif n in (22, 26):
            credit = "Ảnh: Minh Khôi" if n == 22 else "Ảnh: Công an Hà Nội"
            body.append(figure(line, credit))
            blocks.append(expected_caption(line, credit))
        else:
            body.append(para(line, "Normal"))
            blocks.append(("paragraph", nfc(line), None))
    body.append(f'<p class="Normal" style="text-align:right;" align="right"><strong>{esc(byline)}</strong></p>')
    blocks.append(("byline", nfc(byline), None))
    menu = ["Mới nhất", "Thời sự", "Góc nhìn", "Thế giới", "Video", "Podcasts", "Kinh doanh", "Bất động sản",
            "Khoa học", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe", "Đời sống", "Du lịch", "Số hóa"]
    related = other_titles(4, "news_science_127")
    most = other_titles(9, "news_science_127")[4:]
    footer = "© Copyright 1997 VnExpress.net, All rights reserved. Tổng biên tập: Phạm Hiếu"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{esc(title)} - VnExpress Khoa học</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="VnExpress">
<meta name="description" content="{html.escape(lines[0])}">
<link rel="canonical" href="https://vnexpress.net/lan-dot-bien-la-hoa-gi-4262013.html">
<script>window.dataLayer = [{{"article_id": "4262013"}}]; var tracking = "Quảng cáo";</script>
<style>.title-detail{{font-size:32px}} .hidden-box{{display:none}}</style>
</head><body>
<header class="section top-header"><a class="logo" href="/">VnExpress</a>
<nav class="main-nav"><ul class="parent">{"".join(f'<li><a href="/m{i}">{m}</a></li>' for i, m in enumerate(menu))}</ul></nav>
<div class="search-box"><input placeholder="Tìm kiếm"><button>Tìm</button></div><a class="login" href="/login">Đăng nhập</a></header>
<section class="section page-detail top-detail"><div class="container"><div class="sidebar-1">
<div class="header-content width_common"><ul class="breadcrumb"><li><a href="/khoa-hoc">Khoa học</a></li><li><a href="/khoa-hoc/trong-nuoc">Trong nước</a></li></ul>
<span class="date">Thứ ba, 13/4/2021, 23:41 (GMT+7)</span></div>
<h1 class="title-detail">{esc(title)}</h1>
<p class="description">{esc(lines[0])}</p>
{share_html()}
<article class="fck_detail ">
{chr(10).join(body)}
</article>
<div class="hidden-box" style="display:none"><p>Nội dung ẩn dành cho ứng dụng di động của VnExpress</p></div>
<div class="footer-content"><div class="tags"><h4 class="item-tag"><a href="/tag/lan-dot-bien">Lan đột biến</a></h4><h4 class="item-tag"><a href="/tag/hoa-lan">Hoa lan</a></h4></div></div>
{related_html("box-tinlienquanv2", "Tin liên quan", related)}
{comments_html("box_comment_vne width_common")}
</div><div class="sidebar-2">{related_html("box-most-read", "Xem nhiều", most)}
<div class="box-newsletter"><h3>Bản tin VnExpress</h3><p>{NEWSLETTER}</p><input placeholder="Email của bạn"><button>Đăng ký</button></div>
</div></div></section>
<footer id="footer"><div class="footer-top"><a href="/lien-he">Liên hệ</a> <a href="/quang-cao">Quảng cáo</a> <a href="/dieu-khoan">Điều khoản sử dụng</a></div>
<p class="copyright">{footer}</p><p>Báo tiếng Việt nhiều người xem nhất. Thuộc Bộ Khoa học và Công nghệ. Số giấy phép: 548/GP-BTTTT</p></footer>
</body></html>
"""
    return Page("vnexpress-lan-dot-bien.html", page.encode("utf-8"), blocks,
                {"date": "2021-04-13T23:41:00+07:00", "sourceName": "VnExpress", "byline": nfc(byline),
                 "url": "https://vnexpress.net/lan-dot-bien-la-hoa-gi-4262013.html"},
                [*menu[5:], *related, *most, *COMMENTS, NEWSLETTER, footer, "Xem nhiều", "Tin liên quan",
                 "Chia sẻ Facebook", "Nội dung ẩn dành cho ứng dụng di động", "Trong nước", "Hoa lan", "Ý kiến bạn đọc"],
                links)


# --- dantri.com.vn ---------------------------------------------------------------------------

def dantri():
    lines = corpus_lines("news_society_177.txt")
    title, sapo, byline = lines[0], lines[1], lines[16]
    content, blocks = [], [("title", nfc(title), None), ("lead", nfc(sapo), None)]
    for n, line in enumerate(lines[2:16], 3):
        if n in (3, 11, 15):
            credit = "(Ảnh: Hữu Nghị)"
            content.append(f'<figure class="image align-center"><img data-src="/p{n}.jpg" alt="{html.escape(line)}">'
                           f'<figcaption><p>{entity_words(line)} {credit}</p></figcaption></figure>')
            blocks.append(expected_caption(line, credit))
        else:
            content.append(f"<p>{entity_words(line)}</p>")
            blocks.append(("paragraph", nfc(line), None))
    content.append(f'<p style="text-align: right;"><strong>{esc(byline)}</strong></p>')
    blocks.append(("byline", nfc(byline), None))
    url = "https://dantri.com.vn/xa-hoi/mac-du-lo-ngai-dich-covid-19-nhieu-diem-vui-choi-o-ha-noi-van-dong-khach-20210430142738651.htm"
    page, boiler = dantri_shell(title, f"(Dân trí) - {entity_words(sapo)}", "\n".join(content), byline,
                                "2021-04-30 14:27", "Thứ sáu, 30/04/2021 - 14:27", url, "news_society_177")
    return Page("dantri-diem-vui-choi.htm", page.encode("utf-8"), blocks,
                {"date": "2021-04-30T14:27:00+07:00", "sourceName": "Báo Dân trí", "byline": nfc(byline), "url": url},
                boiler + ["(Dân trí)"])


def dantri_nfd():
    """An article stored in NFD (decomposed marks), kept so in the page."""
    lines = corpus_lines("news_health_024.txt")
    assert any(line != nfc(line) for line in lines), "the corpus file is expected to hold NFD text"
    title = "14 ca mắc mới Covid-19, xác nhận thêm chùm ca cộng đồng ở Hà Nam"
    sapo, byline = lines[0], lines[21]
    content, blocks = [], [("title", title, None), ("lead", nfc(sapo), None)]
    for line in lines[1:21]:
        content.append(f"<p>{esc(line)}</p>")
        blocks.append(("paragraph", nfc(line), None))
    content.append(f'<p style="text-align: right;"><b>{esc(byline)}</b></p>')
    blocks.append(("byline", nfc(byline), None))
    url = "https://dantri.com.vn/suc-khoe/14-ca-mac-moi-covid-19-xac-nhan-them-chum-ca-cong-dong-o-ha-nam-20210501181218602.htm"
    page, boiler = dantri_shell(title, f"(Dân trí) - {esc(sapo)}", "\n".join(content), byline,
                                "2021-05-01 18:12", "Thứ bảy, 01/05/2021 - 18:12", url, "news_health_024")
    return Page("dantri-nfd-covid.htm", unicodedata.normalize("NFD", page).encode("utf-8"), blocks,
                {"date": "2021-05-01T18:12:00+07:00", "sourceName": "Báo Dân trí", "byline": nfc(byline), "url": url},
                boiler)


# --- tuoitre.vn (windows-1258) ---------------------------------------------------------------

def tuoitre():
    lines = corpus_lines("news_education_232.txt")
    title = "Thủ tướng: Thi tốt nghiệp THPT, tuyển sinh đại học phải an toàn, nghiêm túc"
    sapo, byline = lines[0], lines[15]
    content, blocks = [], [("title", title, None), ("lead", nfc(sapo), None)]
    for n, line in enumerate(lines[1:15], 2):
        if n == 4:  # a portrait's caption
            credit = "Ảnh: Hải Vân"
            content.append(f'<div class="VCSortableInPreviewMode" type="Photo"><div><img src="/t.jpg" alt=""></div>'
                           f'<div class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh">{esc(line)} - {credit}</p></div></div>')
            blocks.append(expected_caption(line, credit))
        elif n == 5:
            content.append(f"<h2>{esc(line)}</h2>")
            blocks.append(("heading", nfc(line), None))
        elif n == 9:
            content.append(f"<p><b>{esc(line)}</b></p>")
            blocks.append(("heading", nfc(line), None))
        else:
            content.append(f"<p>{esc(line)}</p>")
            blocks.append(("paragraph", nfc(line), None))
    menu = ["Thời sự", "Thế giới", "Pháp luật", "Kinh doanh", "Công nghệ", "Xe", "Du lịch", "Nhịp sống trẻ",
            "Văn hóa", "Giải trí", "Thể thao", "Giáo dục", "Nhà đất", "Sức khỏe", "Giả thật", "Bạn đọc"]
    related = other_titles(3, "news_education_232")
    footer = "Tổng biên tập: Lê Thế Chữ. Giấy phép hoạt động báo điện tử số 564/GP-BTTTT. Bản quyền thuộc Báo Tuổi Trẻ"
    url = "https://tuoitre.vn/thu-tuong-thi-tot-nghiep-thpt-tuyen-sinh-dai-hoc-phai-an-toan-nghiem-tuc-20210416205031231.htm"
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{esc(title)} - Tuổi Trẻ Online</title>
<meta property="og:site_name" content="TUOI TRE ONLINE">
<meta property="article:published_time" content="2021-04-16T20:50:00+07:00">
<link rel="canonical" href="{url}">
<noscript><p>Vui lòng bật JavaScript để đọc Tuổi Trẻ Online</p></noscript>
</head><body>
<div class="header"><ul class="menu-nav">{"".join(f'<li><a href="/n{i}.htm">{m}</a></li>' for i, m in enumerate(menu))}</ul>
<a class="btn-dangky" href="/sao">Tuổi Trẻ Sao</a></div>
<div class="detail-container"><div class="detail-top"><div class="detail-cate"><a href="/giao-duc.htm">Giáo dục</a></div>
<div class="detail-time"><div data-role="publishdate">16/04/2021 20:50 GMT+7</div></div></div>
<h1 class="detail-title article-title" data-role="title">{esc(title)}</h1>
<div class="detail-cmain"><h2 class="detail-sapo" data-role="sapo">TTO - {esc(sapo)}</h2>
<div class="detail-content afcbc-body" data-role="content">
{chr(10).join(content)}
</div>
<div class="author">{esc(byline)}</div>
<div class="detail-tab"><a href="/tag/thi-tot-nghiep.htm">Thi tốt nghiệp</a></div>
{share_html()}
{related_html("box-relate", "Tin cùng chuyên mục", related)}
<div class="box-star"><p>Tuổi Trẻ Sao: Tặng sao cho tác giả để khuyến khích những bài viết hay</p></div>
{comments_html("detail-comment")}
</div></div>
<div class="footer"><p>{footer}</p><p>Trụ sở chính: 60A Hoàng Văn Thụ, phường 9, quận Phú Nhuận, TP.HCM</p></div>
</body></html>
"""
    blocks.append(("byline", nfc(byline), None))
    return Page("tuoitre-thi-tot-nghiep.htm", cp1258(page), blocks,
                {"date": "2021-04-16T20:50:00+07:00", "sourceName": "TUOI TRE ONLINE", "byline": nfc(byline), "url": url},
                [*menu, *related, *COMMENTS, footer, "Tuổi Trẻ Sao", "Tin cùng chuyên mục", "Hoàng Văn Thụ",
                 "Vui lòng bật JavaScript", "TTO -"])


# --- baochinhphu.vn --------------------------------------------------------------------------

def baochinhphu():
    text = SEED.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    title, sapo, photo_title, caption_line = lines[0], lines[1], lines[2], lines[3]
    body = lines[4:17]
    byline = lines[17]
    caption, credit = caption_line.rsplit(" Ảnh: ", 1)
    blocks = [("title", title, None), ("lead", sapo, None), ("caption", caption, credit)]
    content = [f'<figure class="VCSortableInPreviewMode" type="Photo"><img src="/a.jpg" alt="{html.escape(photo_title)}" title="{html.escape(photo_title)}">'
               f'<figcaption class="PhotoCMS_Caption"><p>{esc(caption)} Ảnh: {esc(credit)}</p></figcaption></figure>']
    links = []
    for line in body:
        if "Hội nghị Ngoại vụ địa phương" in line:
            link = "http://baochinhphu.vn/Utilities/PrintView.aspx?distributionid=285000"
            markup, expected = linked(line, "Hội nghị Ngoại vụ địa phương", link)
            content.append(f'<p style="text-align: justify;">{markup}</p>')
            blocks.append(("paragraph", expected.format(n=1), None))
            links.append(link)
            continue
        content.append(f'<p style="text-align: justify;">{esc(line)}</p>')
        blocks.append(("paragraph", line, None))
    content.append(f'<p style="text-align: right;"><strong>{esc(byline)}</strong></p>')
    blocks.append(("byline", byline, None))
    menu = ["Chính phủ", "Thủ tướng", "Chỉ đạo quyết định", "Chính sách mới", "Chuyển đổi số", "Bộ ngành - Địa phương",
            "Kinh tế", "Văn hóa", "Xã hội", "Đối ngoại", "Multimedia"]
    related = other_titles(4, "x")
    footer = "Cơ quan chủ quản: Văn phòng Chính phủ. Tổng Biên tập: Nguyễn Hồng Sâm"
    url = "http://baochinhphu.vn/hoat-dong-bo-nganh/thu-truong-ngoai-giao-tra-loi-bao-chi-ve-ket-qua-hoi-nghi-ngoai-giao-29/285150.vgp"
    page = f"""<!doctype html>
<html lang="vi"><head><META HTTP-EQUIV="content-type" CONTENT="text/html;charset=UTF-8">
<title>Thứ trưởng Ngoại giao trả lời báo chí về kết quả Hội nghị ngoại giao 29</title>
<meta property="og:site_name" content="BAO DIEN TU CHINH PHU">
<link rel="canonical" href="{url}">
</head><body>
<div class="header"><div class="header__nav"><ul>{"".join(f'<li><a href="/c{i}.htm">{m}</a></li>' for i, m in enumerate(menu))}</ul></div>
<div class="header__search"><input placeholder="Tìm kiếm"></div></div>
<div class="detail__breadcrumb"><a href="/">Trang chủ</a> / <a href="/doi-ngoai.htm">Đối ngoại</a></div>
<div class="container detail-page">
<h1 class="detail-title" data-role="title">{esc(title)}</h1>
<div class="detail-time"><div data-role="publishdate">09/12/2016 | 15:42</div></div>
<div class="detail-sapo" data-role="sapo">(Chinhphu.vn) - {esc(sapo)}</div>
<div class="detail-content afcbc-body" data-role="content">
{chr(10).join(content)}
</div>
<div class="detail-share"><a href="https://www.tumblr.com/share">Share on Tumblr</a> <a href="#">In bài viết</a> <a href="#">Gửi bài viết</a></div>
{related_html("detail__related", "Tin liên quan", related)}
<div class="box-mostview"><h3>Đọc nhiều nhất</h3><ul>{"".join(f'<li><a href="/m{i}">{esc(t)}</a></li>' for i, t in enumerate(other_titles(14, "x")[10:]))}</ul></div>
</div>
<div class="footer"><p>{footer}</p><p>Địa chỉ: 16 Lê Hồng Phong - Ba Đình - Hà Nội. Điện thoại: 080.43162</p></div>
</body></html>
"""
    return Page("baochinhphu-ngoai-giao-29.html", page.encode("utf-8"), blocks,
                {"date": "2016-12-09T15:42:00+07:00", "sourceName": "BAO DIEN TU CHINH PHU", "byline": byline, "url": url},
                [*menu[1:8], *related, footer, "Share on Tumblr", "In bài viết", "Đọc nhiều nhất", "Trang chủ", "(Chinhphu.vn)"],
                links)


# --- thanhnien.vn (a BOM, charset in single quotes) -----------------------------------------

def thanhnien():
    lines = corpus_lines("news_tech_134.txt")
    title = "iPhone 8 Plus biến mất khỏi thị trường Việt Nam"
    sapo, byline = lines[0], lines[11]
    content, blocks = [], [("title", title, None), ("lead", nfc(sapo), None)]
    for n, line in enumerate(lines[1:11], 2):
        if n == 3:
            credit = "Ảnh: Thế Anh"
            content.append(f'<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="/i.jpg" alt=""></div>'
                           f'<figcaption class="PhotoCMS_Caption"><p>{esc(line)}</p><p class="credit">{credit}</p></figcaption></figure>')
            blocks.append(expected_caption(line, credit))
        else:
            content.append(f"<p>{esc(line)}</p>")
            blocks.append(("paragraph", nfc(line), None))
    blocks.append(("byline", nfc(byline), None))
    menu = ["Thời sự", "Thế giới", "Kinh tế", "Đời sống", "Sức khỏe", "Giới trẻ", "Giáo dục", "Du lịch", "Văn hóa",
            "Giải trí", "Thể thao", "Công nghệ", "Xe", "Video", "Tiêu dùng"]
    related = other_titles(4, "news_tech_134")
    footer = "Giấy phép số 134/GP-BTTTT. Tổng biên tập: Nguyễn Ngọc Toàn. Cơ quan chủ quản: Trung ương Hội LHTN Việt Nam"
    url = "https://thanhnien.vn/iphone-8-plus-bien-mat-khoi-thi-truong-viet-nam-185210326001528828.htm"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset='UTF-8'>
<title>{esc(title)}</title>
<meta property="og:site_name" content="Báo Thanh Niên">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2021-03-26T00:15:28+07:00","author":{{"@type":"Person","name":"{nfc(byline)}"}}}}</script>
</head><body>
<header class="header"><nav class="menu"><ul>{"".join(f'<li class="menu-item"><a href="/t{i}.htm">{m}</a></li>' for i, m in enumerate(menu))}</ul></nav>
<div class="header__login"><a href="/dang-nhap">Đăng nhập</a></div></header>
<div class="detail__breadcrumb"><a href="/cong-nghe.htm">Công nghệ</a><a href="/cong-nghe/xu-huong.htm">Xu hướng</a></div>
<div class="detail-container">
<h1 class="detail-title"><span data-role="title">{esc(title)}</span></h1>
<div class="detail-info"><div class="detail-author"><a class="name" href="/tac-gia/the-anh.htm">{esc(byline)}</a></div>
<div class="detail-time"><div data-role="publishdate">26/03/2021 00:15 GMT+7</div></div></div>
<h2 class="detail-sapo" data-role="sapo">{esc(sapo)}</h2>
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content">
{chr(10).join(content)}
</div></div>
<div class="detail-tags"><a href="/iphone-tag.htm">iPhone</a></div>
{share_html()}
<div class="box-subscribe" hidden><p>Nhận tin nhanh Thanh Niên qua ứng dụng</p></div>
<div aria-hidden="true" class="sticky-ad"><p>Quảng cáo tài trợ</p></div>
{related_html("detail__related", "Tin liên quan", related)}
{comments_html("detail__comment")}
</div>
<footer class="footer"><p>{footer}</p></footer>
</body></html>
"""
    return Page("thanhnien-iphone-8-plus.htm", b"\xef\xbb\xbf" + page.encode("utf-8"), blocks,
                {"date": "2021-03-26T00:15:28+07:00", "sourceName": "Báo Thanh Niên", "byline": nfc(byline), "url": url},
                [*menu, *related, *COMMENTS, footer, "Xu hướng", "Nhận tin nhanh", "Quảng cáo tài trợ", "Đăng nhập"])


# --- vietnamnet.vn (no charset declared) -----------------------------------------------------

def vietnamnet():
    lines = corpus_lines("news_sport_074.txt")
    title = "Chủ tịch UEFA thề không nương tay với cầu thủ tham dự European Super League"
    sapo, byline = lines[0], lines[27]
    content, blocks = [], [("title", title, None), ("lead", nfc(sapo), None)]
    for n, line in enumerate(lines[1:27], 2):
        if n in (7, 10, 19):
            credit = "(Ảnh: Getty)" if n != 19 else "(Nguồn: UEFA)"
            content.append(f'<figure class="image vnn-content-image"><img src="/v{n}.jpg" alt="">'
                           f'<figcaption class="image-caption">{esc(line)} {credit}</figcaption></figure>')
            blocks.append(expected_caption(line, credit))
        elif n == 14:
            content.append(f"<h3>{esc(line)}</h3>")
            blocks.append(("heading", nfc(line), None))
        else:
            # A non-breaking space written as an entity between two words.
            content.append("<p>" + esc(line).replace(" ", "&nbsp;", 1) + "</p>")
            blocks.append(("paragraph", nfc(line), None))
    content.append(f'<p style="text-align: right;"><strong>{esc(byline)}</strong></p>')
    blocks.append(("byline", nfc(byline), None))
    menu = ["Chính trị", "Thời sự", "Kinh doanh", "Dân tộc và Tôn giáo", "Thể thao", "Giáo dục", "Thế giới",
            "Đời sống", "Văn hóa - Giải trí", "Sức khỏe", "Công nghệ", "Pháp luật", "Ô tô xe máy", "Bất động sản"]
    related = other_titles(4, "news_sport_074")
    footer = "Báo VietNamNet - Cơ quan chủ quản: Bộ Khoa học và Công nghệ. Giấy phép số 22/GP-BTTTT"
    url = "https://vietnamnet.vn/chu-tich-uefa-the-khong-nuong-tay-voi-cau-thu-tham-du-european-super-league-730000.html"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head>
<title>{esc(title)} | Báo VietNamNet</title>
<meta property="og:site_name" content="Báo VietNamNet">
<link rel="canonical" href="{url}">
</head><body>
<div class="header"><ul class="mainNav">{"".join(f'<li><a href="/v{i}">{m}</a></li>' for i, m in enumerate(menu))}</ul></div>
<div class="bread-crumb-detail"><ul><li><a href="/the-thao">Thể thao</a></li><li><a href="/the-thao/bong-da-quoc-te">Bóng đá quốc tế</a></li></ul>
<div class="bread-crumb-detail__time">Thứ Hai, 19/04/2021 - 23:20</div></div>
<div class="content-detail"><h1 class="content-detail-title">{esc(title)}</h1>
<h2 class="content-detail-sapo sm-sapo-mb-0">{esc(sapo)}</h2>
<div class="maincontent main-content" id="maincontent">
{chr(10).join(content)}
</div>
<div class="article-detail-tags"><a href="/tag/european-super-league">European Super League</a></div>
{share_html()}
{related_html("article-relate", "Bài viết liên quan", related)}
<div class="box-read-most"><h3>Đọc nhiều</h3><ul>{"".join(f'<li><a href="/r{i}">{esc(t)}</a></li>' for i, t in enumerate(other_titles(10, "news_sport_074")[6:]))}</ul></div>
{comments_html("comment-box")}
<div class="newsletter-box"><p>{NEWSLETTER}</p></div></div>
<div class="footer"><p>{footer}</p></div>
</body></html>
"""
    return Page("vietnamnet-uefa.html", page.encode("utf-8"), blocks,
                {"date": "2021-04-19T23:20:00+07:00", "sourceName": "Báo VietNamNet", "byline": nfc(byline), "url": url},
                [*menu[:4], *related, *COMMENTS, NEWSLETTER, footer, "Bài viết liên quan", "Bóng đá quốc tế", "Đọc nhiều"])


SITES = {
    "vnexpress": vnexpress,
    "dantri": dantri,
    "dantri-nfd": dantri_nfd,
    "tuoitre": tuoitre,
    "baochinhphu": baochinhphu,
    "thanhnien": thanhnien,
    "vietnamnet": vietnamnet,
}


def build(name):
    return SITES[name]()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name in SITES:
        page = build(name)
        (out / page.name).write_bytes(page.data)
        print(out / page.name)
