"""Text decoding and normalisation: offsets into the original survive every change."""

from __future__ import annotations

import re

import pytest

from labourkg.text import TextDecodeError, decode_bytes, normalise, split_sentences


def test_decode_utf8_and_gb18030():
    s = "茂名市总工会成立劳模工匠技术服务队。"
    assert decode_bytes(s.encode("utf-8")) == s
    assert decode_bytes(s.encode("gb18030")) == s
    assert decode_bytes(b"\xef\xbb\xbf" + s.encode("utf-8")) == s


def test_binary_input_is_a_clear_error():
    with pytest.raises(TextDecodeError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_joins_wraps_spaces_and_numbers():
    n = normalise("记者梁奈 2 0 2 4 年，贺 彪在茂\n名出席会议。")
    assert "2024年" in n.text and "贺彪" in n.text and "茂名" in n.text


def test_mends_only_unambiguous_ocr_confusions():
    n = normalise("广泛深人开展，纳人台账，推动精神人脑人心；资深人士到场，容纳人数有限。")
    assert "深入开展" in n.text and "纳入台账" in n.text and "入脑入心" in n.text
    assert "资深人士" in n.text and "容纳人数" in n.text


def test_traditional_folded_offsets_kept():
    orig = "深圳市總工會舉辦職工技能大賽"
    n = normalise(orig)
    assert n.text == "深圳市总工会举办职工技能大赛"
    s, e = n.span(3, 6)
    assert orig[s:e] == "總工會"


@pytest.mark.parametrize("orig", [
    " 茂名晚报讯 4 月 29 日上午，市委书记、市人大\n常委会主任庄悦群出\n席会议。\n\n全国劳模\u3000高凤林",
    "（茂名日报社全媒体记者许巨滔 通讯员茂新 茂\n府信）",
])
def test_every_span_maps_back(orig):
    n = normalise(orig)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 8) + 1):
            s, e = n.span(i, j)
            a = re.sub(r"\s", "", orig[s:e])
            b = re.sub(r"\s", "", n.text[i:j])
            if a and b and "\n" not in n.text[i:j]:
                assert len(re.sub(r"[\s]", "", a)) == len(b)


def test_sentences():
    n = normalise("第一句。第二句！\n标题\n第三句")
    spans = split_sentences(n.text)
    assert [n.text[s:e] for s, e in spans] == ["第一句。", "第二句!", "标题", "第三句"]


# A column of full lines sets the typical line length; the paragraphs below are shorter.
_COLUMN = "韶关市总工会近日组织劳模工匠技术服务队深入乳源县企业开展服务活动。\n" * 4 + "\n"


def test_short_prose_lines_inside_a_paragraph_are_joined():
    orig = _COLUMN + "服务队副队长、全国技术能\n手、韶关市劳动模范曾\n庆华带队来到乳源县。\n"
    n = normalise(orig)
    assert "全国技术能手、韶关市劳动模范曾庆华" in n.text
    k = n.text.index("曾庆华")
    s, e = n.span(k, k + 3)
    assert re.sub(r"\s", "", orig[s:e]) == "曾庆华"


def test_short_line_continuing_a_wrapped_one_is_joined():
    orig = _COLUMN + "在翁源县兰花基地，队员、广东省三\n八红旗手获得者\n高级农艺师潘晓云讲解了育苗技术。\n"
    assert "广东省三八红旗手获得者高级农艺师" in normalise(orig).text


def test_headline_before_a_blank_line_and_short_headings_stay_apart():
    n = normalise(_COLUMN + "劳模工匠走进山区 “把脉”乡村企业\n\n乳源讯 近日，服务队来到乳源县。\n")
    assert "乡村企业\n乳源讯" in n.text
    n = normalise(_COLUMN + "获奖名单如下，按地区排列\n广州市\n陈国栋广州恒达电梯有限公司维保部经理\n")
    assert "\n陈国栋" in n.text
