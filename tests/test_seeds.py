"""The five seed articles come out with their boilerplate gone and the right metadata."""

from __future__ import annotations

from tests.conftest import needs_shared

pytestmark = needs_shared


def removed_texts(article, kind=None):
    return [r.text for r in article.removed if kind is None or r.kind == kind]


def test_banners_captions_and_ads_are_removed(seed_articles):
    wion, web_desk = seed_articles["000"], seed_articles["001"]
    for junk in ("ugc_banner", "main img", "Story highlights", "(With inputs from Agencies)"):
        assert junk not in wion.body
        assert junk in removed_texts(wion)
    assert "Photograph:(AFP)" not in wion.body
    assert "Adsence 300X250" in removed_texts(web_desk, "ad")
    assert web_desk.body.rstrip().endswith("he maintained.")


def test_teasers_after_previous_story_are_not_body(seed_articles):
    article = seed_articles["002"]
    for teaser in ("Previous Story", "MBS Hosts Zelensky in Jeddah", "Netanyahu hits back at Biden",
                   "One doctor at a hospital told the non-profit he had"):
        assert teaser not in article.body
    assert "Zelensky" not in article.body
    assert article.body.rstrip().endswith("(ANI)")
    assert "We remain engaged in Afghanistan" in article.body


def test_titles_and_a_page_without_headline(seed_articles):
    assert seed_articles["000"].title == "'Taliban a ruthless group': Will remain focused on ISIS-K, says US"
    assert seed_articles["001"].title.startswith("US in talks with Pakistan over")
    assert seed_articles["002"].title == "US mission in Afghanistan failed: Russia"
    assert seed_articles["003"].title is None  # the page opens with body text
    assert seed_articles["004"].title == "Afghan Taliban snubs Russia and denies coordination against Isis"
    # the headline is metadata, not the first paragraph
    assert not seed_articles["004"].body.startswith("Afghan Taliban snubs")


def test_publication_date_is_the_real_one_or_none(seed_articles):
    assert seed_articles["000"].published.startswith("2021-09-02")  # only an "Updated:" stamp exists
    assert seed_articles["001"].published.startswith("2021-08-10")
    assert seed_articles["002"].published == "2021-07-29"  # not the "Today: 11 March 2025" banner
    assert seed_articles["003"].published is None  # no date in the text: never guessed
    assert seed_articles["004"].published is None  # "© Copyright IBTimes 2024" is not a publication date


def test_authors_outlet_and_dateline(seed_articles):
    assert seed_articles["001"].authors == ["Web Desk"]  # "Web DeskWeb Editor" unglued, role dropped
    assert seed_articles["000"].authors == ["WION Web Team"]
    assert seed_articles["000"].outlet == "WION"
    assert seed_articles["000"].dateline == "Washington"
    assert seed_articles["002"].outlet == "Asian Lite News"  # from the "…reports Asian Lite News" standfirst
    assert seed_articles["003"].outlet == "ansarpress.com"  # from the source link
    assert seed_articles["004"].outlet == "IBTimes"  # from the © line


def test_footer_lines_are_gone_from_pages_without_blank_lines(seed_articles):
    assert "LINK:" not in seed_articles["003"].body and "TAGS:" not in seed_articles["003"].body
    assert "©" not in seed_articles["004"].body
    assert seed_articles["003"].body.startswith("The Afghan capital, Kabul")
    kinds = {r.text: r.kind for r in seed_articles["003"].removed}
    assert kinds["LINK: https://www.ansarpress.com/english/23610"] == "link"


def test_standfirst_repeated_by_the_body_is_removed(seed_articles):
    body = seed_articles["002"].body
    assert "reports Asian Lite News" not in body
    assert body.count("This remark comes amid stalled intra-Afghan negotiation") == 1
