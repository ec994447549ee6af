"""Finding a web page's article and laying its text out in lines."""

from __future__ import annotations

from bs4 import BeautifulSoup

from desktop_app.core.text.html_text import article_container, article_title, text_lines


def lines_of(html: str) -> list[str]:
    return text_lines(article_container(BeautifulSoup(html, "lxml")))


NAV = "<div class='nav'><ul><li><a href='/'>首页</a></li><li><a href='/n'>新闻</a></li></ul></div>"
SIDE = "<div class='side'><ul><li><a href='/1'>其他新闻一</a></li><li><a href='/2'>其他新闻二</a></li></ul></div>"


def test_an_article_broken_into_lines_by_br_is_found_among_link_lists():
    html = (f"<html><body>{NAV}<div id='content'>本报讯 近日，网格员开展入户走访。<br>现场调解矛盾纠纷。"
            f"<br/>社区党委将继续推进党建引领基层治理。</div>{SIDE}</body></html>")
    assert lines_of(html) == ["本报讯 近日，网格员开展入户走访。", "现场调解矛盾纠纷。", "社区党委将继续推进党建引领基层治理。"]


def test_inline_elements_put_no_space_into_chinese_and_links_in_a_paragraph_stay():
    html = ("<html><body><div class='c'><p>坚持<strong>党建引领</strong>基层治理，"
            "落实<a href='/x'>“枫桥经验”</a>。</p><p>第二段。</p>"
            "<ul><li><a href='/r1'>相关新闻一</a></li><li><a href='/r2'>相关新闻二</a></li></ul></div>"
            f"{SIDE}</body></html>")
    assert lines_of(html) == ["坚持党建引领基层治理，落实“枫桥经验”。", "第二段。"]


def test_paragraphs_win_over_a_longer_list_of_links_and_pre_keeps_its_lines():
    links = "".join(f"<li><a href='/{n}'>一条很长很长的其他新闻标题第{n}条</a></li>" for n in range(30))
    html = (f"<html><body><ul>{links}</ul><div class='article'><p>第一段落。</p><p>第二段落。</p>"
            "<pre>表一\n  数据 1\n</pre></div></body></html>")
    assert lines_of(html) == ["第一段落。", "第二段落。", "表一", "  数据 1"]


def test_the_title_is_the_headline_not_the_site():
    with_og = "<html><head><meta property='og:title' content='兴旺社区:突出三个引领'><title>x</title></head></html>"
    assert article_title(BeautifulSoup(with_og, "lxml")) == "兴旺社区:突出三个引领"
    headline = "<html><head><title>网格员入户走访_某某新闻网</title></head><body><h1>某某新闻网</h1>" \
               "<h1>网格员入户走访</h1></body></html>"
    assert article_title(BeautifulSoup(headline, "lxml")) == "网格员入户走访"  # it opens the <title>
    logo = "<html><head><title>网格员入户走访</title></head><body><h1>某某新闻网</h1></body></html>"
    assert article_title(BeautifulSoup(logo, "lxml")) == "网格员入户走访"
