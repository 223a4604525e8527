"""Real-terminal tests of what the reader shows of an article's own words (issue 18, items 4 and 6):
the title of a file without a headline comes from its address, credits keep their labels as written."""

ARTICLE = """# doc_id = news_world_001
# url = https://dantri.com.vn/the-gioi/campuchia-ghi-nhan-ky-luc-ca-nhiem-moi-20210424155800567.htm
Nhân viên y tế lấy mẫu xét nghiệm ở Phnom Penh (Ảnh: Reuters).
Bộ Y tế Campuchia hôm nay cho biết nước này ghi nhận 700 ca nhiễm mới, mức kỷ lục từ đầu dịch.
Một con mèo ngồi trên mái nhà ở Thượng Hải. (Nguồn: Shanghaiist)
Đây là kỷ lục mới về số ca nhiễm trong một ngày tại Campuchia.
Theo Lê Ngọc
"""


def test_title_from_the_address_and_credits_as_written(pane, tmp_path):
    path = tmp_path / "campuchia.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    p = pane(100, 30)
    p.docbao(str(path))
    screen = p.wait_stable("Campuchia ghi nhận kỷ lục ca nhiễm mới")
    assert "Ảnh: Reuters" in screen and "Nguồn: Shanghaiist" in screen
    assert "Ảnh: Shanghaiist" not in screen
    assert "Theo Lê Ngọc" in screen and "Nguồn: Theo" not in screen
    # The opening caption stays in the text, once, under the title.
    assert screen.count("Nhân viên y tế lấy mẫu") == 1
    p.keys("q")
    p.wait_exit(0)
