"""Plain-text cleaning: metadata read from the lines around the article."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.clean.text import clean_plain_text

BODY = (
    "The harbour authority approved a new dredging plan on Tuesday after months of delay, officials said.\n\n"
    "Work on the eastern channel will begin in spring and is expected to last two years, according to the plan.\n\n"
    "Fishing crews, who had warned that silt was closing the channel, welcomed the decision at a public meeting.\n\n"
    "The authority will publish the full schedule and the contractors' names later this month."
)


HEADLINE = "Harbour dredging plan approved after long delay"


def page(byline: str) -> str:
    return f"{HEADLINE}\n\n{byline}\n\n{BODY}\n\nShare this article\n"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Ben Harlow ⋅ Review Editor ⋅ Updated May 6, 2025", ["Ben Harlow"]),
        ("Posted on December 20, 2025 by jharlow - 5 Comments", ["jharlow"]),  # a handle after a date stamp
        ("Author: Mira Okonkwo", ["Mira Okonkwo"]),
        ("Written by: Colin Reyes Colin Reyes", ["Colin Reyes"]),  # the name and its link text
        ("By Ana Ruiz, Home Security Expert & Tom Vale, Privacy Expert Last Updated on Feb 24, 2026",
         ["Ana Ruiz", "Tom Vale"]),  # their job titles are not authors
        ("ByShivani Rao 12th February 2025", ["Shivani Rao"]),  # "By" glued to the name
        ("By clicking Continue you agree to our Terms of Service and Privacy Policy.", []),
        ("Author Information", []),
        ("By Jeff Lund. Last Updated on December 11, 2025", ["Jeff Lund"]),
        ("Posted on December 18, 2025 Posted by Ian Marsh 59 Comments", ["Ian Marsh"]),
        ("03/01/2017 by Agatha Lind", ["Agatha Lind"]),  # a date before "by"
        ("Dec 17, 2025Julian K. Arne", ["Julian K. Arne"]),  # a date glued before a bare name
        ("Author\n\nIsa Shelton", ["Isa Shelton"]),  # the label on its own line, the name on the next
        ("By\n\nJesse Porter", ["Jesse Porter"]),  # "By" on its own line, the name on the next
        ("By\n\nWedding ChecklistsJust EngagedWedding Planning", []),  # glued menu links are no name
        ("By Ann Lee\n\nUpdated by Tom Ray", ["Ann Lee"]),  # who updated it is not who wrote it
        ("Authors\n\nRegular Contributors", []),  # a menu
        ("Author\n\nRecent Posts", []),  # a menu heading under the label
        # a team signs it; a role alone does not; a reading time is no part of the name
        ("By the Harbour Team 2–3 minutes", ["Harbour Team"]),
        ("by Marketing Team", ["Marketing Team"]),
        ("By Staff Writer", []),
        ("By Jane Holt 4 minutes", ["Jane Holt"]),
        # a name beside the page's date stamp, in the fields of a stamp line
        ("Dakota Harlow July 3, 2025", ["Dakota Harlow"]),
        ("Aaron Rimmel | Senior Writer | July 2, 2025", ["Aaron Rimmel"]),
        ("Dec 26, 2025 • Mahua Dey in Harbour Affairs", ["Mahua Dey"]),
        ("109 Comments | Jill Wagner | Last Updated: March 11, 2019", ["Jill Wagner"]),
        ("Breaking News | May 2, 2025", []),
        ("Released Wednesday, March 2, 2022", []),
    ],
)
def test_bylines(byline, authors):
    assert clean_plain_text(page(byline)).metadata.authors == authors


FACET_MENU = "Solutions\n\nBy Use Case\n\nPort Planning\n\nFleet Tracking\n\n" + "".join(
    f"Menu item {k}\n\n" for k in range(12))
# the page writes the facet's words in lower case: its common words, which no name is
CASE_NOTE = ("In each case the use of the channel will be limited, and the case for a second use of the basin is open; "
             "in every case our editors will report on the use of the money.")


def test_the_byline_nearest_above_the_body_wins_over_a_menus_by_line_at_the_top():
    # "By Region" names nobody the facet test could tell (the page never writes "region" in lower case)
    text = f"Recipes\n\nBy Region\n\nBy Occasion\n\n{HEADLINE}\n\nBy Jesse Porter\n\n{BODY}\n\nShare this article\n"
    assert clean_plain_text(text).metadata.authors == ["Jesse Porter"]


def test_bylines_of_a_page_without_a_body_are_read_in_page_order():
    from newsloom.clean.lines import split_lines
    from newsloom.clean.metadata import find_authors

    lines = split_lines("By Ann Lee\n\nNotes from the harbour office this week\n\nBy Tom Ray\n")
    assert find_authors(lines, range(len(lines)), body=())[0] == ["Ann Lee"]
    # with a body, the byline nearest above its first paragraph is read first
    lines = split_lines(f"By Ann Lee\n\nNotes from the harbour office this week\n\nBy Tom Ray\n\n{BODY}")
    assert find_authors(lines, range(3), body=range(3, len(lines)))[0] == ["Tom Ray"]


@pytest.mark.parametrize(("above", "below", "authors"), [
    # a menu of facets right above the headline: no byline, however near the body
    ("Solutions\n\nBy Role\n\nBy Industry\n\nPricing", "", []),
    # other stories' bylines in a list under the article are not this article's
    ("", "More from the blog\n\nFerry fares rise\n\nWritten by Gabija Stone\n\nBus lanes voted down\n\n"
         "Written by Andrius Vale", []),
    # the same byline twice (a byline and an author box) is no list
    ("By Chris Radich,\n\nBy Chris Radich", "", ["Chris Radich"]),
])
def test_a_list_of_by_lines_is_no_byline(above, below, authors):
    text = f"{above}\n\n{HEADLINE}\n\n{BODY}\n\n{below}\n\nShare this article\n"
    assert clean_plain_text(text).metadata.authors == authors


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Ben Harlow", ["Ben Harlow"]),  # a menu's "By Use Case" far above it is no byline
    ("By Our Editors", ["Our Editors"]),  # common words, but right above the body: a byline
])
def test_a_menu_facet_far_from_the_body_is_no_byline(byline, authors):
    text = f"{FACET_MENU}{HEADLINE}\n\n{byline}\n\n{BODY}\n\n{CASE_NOTE}\n\nShare this article\n"
    assert clean_plain_text(text).metadata.authors == authors


def test_an_author_box_names_the_author_of_a_page_without_a_byline():
    """Among the lines the cleaner removed: a name line with the author's biography just below it (the
    learned ranker, clean.rankers, reads the biography, the body and the date stamp around each name)."""
    from newsloom.clean.lines import split_lines
    from newsloom.clean.metadata import find_authors

    box = ("Dana Whitlock\n\nDana Whitlock is a coastal reporter who has covered ports and shipping for the "
           "Gazette since 2015.\n")
    lines = split_lines(f"{HEADLINE}\n\nMay 6, 2025\n\n{BODY}\n\n{box}")
    removed = [i for i, line in enumerate(lines) if line.text.startswith(("Harbour dredging", "May 6", "Dana"))]
    body = [i for i in range(len(lines)) if i not in removed]
    assert find_authors(lines, removed, stamps=[1], body=body) == (["Dana Whitlock"], [removed[2]])
    # a name alone over the body, with no biography and no date beside it, is not likely enough
    alone = split_lines(f"Dana Whitlock\n\n{BODY}")
    assert find_authors(alone, [0], body=list(range(1, len(alone)))) == ([], [])
    # a caller that sees other lines sets its own bar (the HTML path's is higher)
    assert find_authors(alone, [0], body=list(range(1, len(alone))), threshold=0.0) == (["Dana Whitlock"], [0])
    assert find_authors(lines, removed, stamps=[1], body=body, threshold=1.01) == ([], [])


def test_a_page_listing_many_names_describes_only_those_nearest_the_body():
    from newsloom.clean.lines import split_lines
    from newsloom.clean.metadata import MAX_AUTHOR_CANDIDATES, author_candidates

    names = "\n".join(f"Contributor Number{'x' * (k % 7)} Nr{chr(65 + k % 26)}{chr(65 + k // 26 % 26)}"
                      for k in range(MAX_AUTHOR_CANDIDATES + 50))
    lines = split_lines(f"{BODY}\n\n{names}\n")
    body = [i for i, line in enumerate(lines) if len(line.text.split()) > 8]
    removed = [i for i in range(len(lines)) if i not in body]
    picked, features = author_candidates(lines, removed, body=body)
    assert len(picked) == MAX_AUTHOR_CANDIDATES == len(features)
    assert picked == sorted(removed)[:MAX_AUTHOR_CANDIDATES]  # the names right under the article


def test_a_name_shaped_menu_line_beside_the_date_is_no_author():
    # "Travel Tips" stands where a bare byline would, but the page uses its words in lower case: a person's
    # name it is not; "Ben Harlow" in the same place is
    def text(line: str) -> str:
        return (f"{HEADLINE}\n\n{line}\n\nMay 6, 2025\n\n{BODY}\n\n"
                "More travel tips for the coast are on our travel page.\n")

    assert clean_plain_text(text("Travel Tips")).metadata.authors == []
    assert clean_plain_text(text("Ben Harlow")).metadata.authors == ["Ben Harlow"]


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("October 17, 20236:01 PM ET", "2023-10-17T18:01:00"),  # the time glued to the year
        ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
        ("Updated on 19-Dec-2025", "2025-12-19"),
        ("Published on 25.Jun.2019 in Vol 7", "2019-06-25"),
        ("April 26, 2024Updated on: October 28, 2024", "2024-04-26"),  # the date before "Updated" is the original
        # the original after "Updated" in the same line
        ("Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET",
         "2022-11-09T11:01:00"),
        ("Mar 27, 20255 mins", "2025-03-27"),  # the reading time glued to the year
        # the year first, with slashes, dots or bullets: always year, month, day
        ("Harbour Authority - 2025/4/29", "2025-04-29"),
        ("Essay - Published: 2025.12.17 | shipping", "2025-12-17"),
        ("2025•01•08", "2025-01-08"),
        # a month named in another language is read in that language; numbers alone still month first
        ("Por: Redacción on 04-ago-2021", "2021-08-04"),
        ("Publicado el 12 de marzo de 2021", "2021-03-12"),
        ("Mis à jour le 12 mars 2021", "2021-03-12"),
        ("Veröffentlicht am 4. Mai 2021", "2021-05-04"),
        ("Posted 07/08/2021", "2021-07-08"),
        # year, month and day of Chinese, Japanese and Korean
        ("2024年3月12日 来源：示例日报", "2024-03-12"),
        ("公開日：2024年3月12日", "2024-03-12"),
        ("2024년 3월 12일 오후", "2024-03-12"),
        ("By harbourdeskFebruary 16, 2026No Comments", "2026-02-16"),  # a handle glued before the month
        ("GARDEN NOTESannette hollisJune 17, 2021garden, pest control", "2021-06-17"),  # tags glued after the year
        # a stamp that opens a long line of categories
        ("Posted on November 25, 2024 in Harbours, Shipping, Dredging, Fishing, Local Government, Environment, "
         "Public Works, Ports and Waterways, Coastal Communities, Weather, Climate, Transport, Business, Tourism, "
         "Heritage, Education, Sport", "2024-11-25"),
        # a date inside a long sentence dates something else
        ("The minister said that the talks, which began on 12 March 2021 between the two governments and their "
         "allies, would resume after the elections in the spring and summer of next year", None),
    ],
)
def test_date_stamps(stamp, published):
    assert clean_plain_text(page(stamp)).metadata.published == published


@pytest.mark.parametrize(
    ("above", "below", "published"),
    [
        # a byline's date stamps the article, as a "Published" line does; a teaser's stamp below does not win
        ("By Rhea Tomlin • 20 Dec 2025", "Published on May 02, 2024 07:44 PM IST", "2025-12-20"),
        # "Last published" is an update, not the original
        ("Dec 30, 2013", "Last published Apr 8, 2024", "2013-12-30"),
        # "Source: TODAY" names a programme; it is no "Today:" banner
        ("Updated Dec. 23, 2024, 1:24 PM EST / Source: TODAY", "Updated Dec. 19, 2025", "2024-12-23T13:24:00"),
    ],
)
def test_which_stamp_dates_the_page(above, below, published):
    from newsloom.clean.lines import split_lines

    lines = split_lines(f"{HEADLINE}\n\n{above}\n\n{BODY}\n\n{below}\n\nShare this article\n")
    # the model keeps the four paragraphs and nothing else, as it does on such pages
    probabilities = np.array([0.99 if ln.text in BODY.split("\n\n") else 0.05 for ln in lines])
    assert clean_plain_text("", lines=lines, probabilities=probabilities).metadata.published == published


def test_a_standfirst_that_ends_in_its_byline_dates_the_page():
    from newsloom.clean.lines import split_lines

    standfirst = ("The authority's plan for the eastern channel is set to reshape the working life of the port, from "
                  "its fishing crews to its ferries and the yards along the quay. By Lisa Marden on Dec. 19, 2025")
    lines = split_lines(f"{HEADLINE}\n\n{standfirst}\n\n{BODY}")
    # the model leaves the standfirst out of the body, as it does on such pages
    probabilities = np.array([0.1 if ln.text in (HEADLINE, standfirst) else 0.99 for ln in lines])
    assert clean_plain_text("", lines=lines, probabilities=probabilities).metadata.published == "2025-12-19"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Harbour dredging plan approved after long delay | Opinion", "Harbour dredging plan approved after long delay"),
        ("Best harbour walks of 2025 – Coast Weekly", "Best harbour walks of 2025"),
        ("Dredging the eastern channel, part two / Dec 2025", "Dredging the eastern channel, part two"),
        # a long tail is part of the headline, and a short headline keeps its tail
        ("Harbour plan approved - what the new channel means for fishing crews and ferries",
         "Harbour plan approved - what the new channel means for fishing crews and ferries"),
        ("AC - DC", "AC - DC"),
        # a breadcrumb trail before the headline; one that ends in a section keeps its line
        ("Home » Archive » Harbour Life » Dredging the eastern channel, part two",
         "Dredging the eastern channel, part two"),
        ("Home / Technique / Best harbour walks of 2025", "Best harbour walks of 2025"),
        ("HOME / Home Renovations", "HOME / Home Renovations"),
    ],
)
def test_a_headline_loses_the_short_tail_a_site_adds(line, headline):
    from newsloom.clean.metadata import headline_text

    assert headline_text(line) == headline


def test_the_title_read_from_a_page_is_its_headline_without_the_sites_tail():
    text = f"{HEADLINE} | Coast Weekly\n\nMay 6, 2025\n\n{BODY}\n\nShare this article\n"
    assert clean_plain_text(text).metadata.title == HEADLINE


@pytest.mark.parametrize(
    ("elsewhere", "published"),
    [
        ("Harbour board meeting, 3 October 2023", "2023-10-03"),  # the same date with its month named
        ("Earlier: 25/09/2023 and 19/02/2023", "2023-10-03"),  # the page's numeric dates put the day first
        ("Earlier: 09/25/2023", "2023-03-10"),  # … or the month first: the usual reading stands
        ("", "2023-03-10"),  # nothing says otherwise
    ],
)
def test_an_ambiguous_numeric_date_is_read_the_way_the_page_writes_dates(elsewhere, published):
    text = f"{HEADLINE}\n\n03/10/2023\n\n{BODY}\n\nShare this article\n\n{elsewhere}\n"
    assert clean_plain_text(text).metadata.published == published


def test_a_version_number_is_no_date():
    from newsloom.clean.metadata import parse_date

    assert parse_date("Release notes for version 2020.1.2.3") is None
    assert parse_date("Mars rover update, 12 Mars 2021") == "2021-03-12"  # French, though "Mar" opens it


def test_the_headline_above_its_standfirst_and_not_a_credit_line():
    text = (
        "Reviewed by Monika Nemcova\n\n"
        f"{HEADLINE}\n"
        "Work on the eastern channel starts in spring\n\n"
        "Audrey Huang, Managing Editor\n\n"
        f"{BODY}\n"
    )
    assert clean_plain_text(text).metadata.title == HEADLINE


def test_the_headline_is_the_line_the_article_opens_on_not_a_banner_or_teaser_nearer_the_body():
    # the learned ranker (clean.rankers) reads how many of a line's words the lede uses: the banner above
    # and the teaser below share none of them
    text = (
        "Coastal Courier Weekly Digest Edition\n\n"
        f"{HEADLINE}\n\n"
        "Sign up for alerts about the harbour\n\n"
        "Ten tips for a safer sailing season\n\n"
        f"{BODY}\n"
    )
    assert clean_plain_text(text).metadata.title == HEADLINE


def test_a_line_ranker_refuses_a_model_trained_on_other_features(tmp_path):
    import json
    import shutil

    from newsloom.clean.rankers import MODEL_DIR, LineRanker

    shutil.copy(MODEL_DIR / "title.txt", tmp_path / "title.txt")
    (tmp_path / "title.json").write_text(json.dumps({"features": ["rule_score"], "threshold": 0.05}))
    with pytest.raises(ValueError, match="other features"):
        LineRanker.load("title", tmp_path)


def test_menu_words_that_are_no_name_still_make_a_headline():
    text = f"Harbour jobs and posts at risk as dredging plan stalls\n\nBy Ben Harlow\n\n{BODY}\n"
    assert clean_plain_text(text).metadata.title == "Harbour jobs and posts at risk as dredging plan stalls"


def html_page(title_tag: str, header: str = "", article_head: str = "", footer: str = "") -> str:
    """A news page around BODY: a menu, ``header`` above the article, ``article_head`` opening it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    return (f"<html><head><title>{title_tag}</title></head><body><nav>Home News Sport</nav>{header}"
            f"<article>{article_head}{paragraphs}</article>{footer}</body></html>")


def test_an_html_headline_is_the_line_the_page_shows_not_its_title_tag():
    from newsloom.clean.html import clean_html

    html = html_page(f"{HEADLINE} - Local news and sport from the coast | The Coastal Courier",
                     header=f"<div class='headline'>{HEADLINE}</div>")
    assert clean_html(html).title == HEADLINE


def test_an_html_headline_the_title_tag_does_not_hold_is_read_from_the_visible_lines():
    from newsloom.clean.html import clean_html

    html = html_page("The Coastal Courier | Local news and sport",
                     header=f"<div class='story-head'>{HEADLINE}</div><div class='meta'>By Ben Harlow</div>",
                     footer="<footer>Sign up for our newsletter</footer>")
    assert clean_html(html).title == HEADLINE


def test_an_html_headline_inside_the_article_is_the_title_not_the_first_paragraph():
    from newsloom.clean.html import clean_html

    cleaned = clean_html(html_page(f"{HEADLINE} | The Coastal Courier", article_head=f"<h1>{HEADLINE}</h1>"))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs[0] == BODY.split("\n\n")[0]
    assert HEADLINE in [r.text for r in cleaned.removed if r.kind == "title"]


@pytest.mark.parametrize("field, names", [
    ("Keith Barry Senior Autos Reporter", ["Keith Barry"]),  # a job title after the name
    ("Author Isaiah Shelton", ["Isaiah Shelton"]),
    ("View all posts by Ray Ansari", ["Ray Ansari"]),
    ("Cazzy Magennis Last Updated August 1", ["Cazzy Magennis"]),  # an update stamp glued on
    ("Luke Kim December", ["Luke Kim"]),  # a month glued on
    ("Tom May", ["Tom May"]),  # ... but May, June, April and August are names too
    ("Supermove February 8", ["Supermove"]),
    ("Justin Meserole; On December 9", ["Justin Meserole"]),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("The Investopedia Team", ["The Investopedia Team"]),  # a team signs it: no job title to cut
    ("Written By", []),  # the byline slot's label, no name
    ("Privacy Policy", []),
    ("The Pennsylvania State University ©", []),
])
def test_an_author_field_of_the_page_metadata_keeps_only_the_names(field, names):
    from newsloom.clean.metadata import names_in_author_field

    assert names_in_author_field(field) == names


def test_an_html_author_is_the_name_in_the_author_meta_tag_without_its_job_title():
    from newsloom.clean.html import clean_html

    tag = '<meta name="author" content="Ben Harlow Senior Harbour Reporter">'
    html = html_page(f"{HEADLINE} | The Coastal Courier").replace("</title>", f"</title>{tag}")
    assert clean_html(html).authors == ["Ben Harlow"]


COMMENTS = (
    "Lena Marsh says:\n\nMarch 3, 2025 at 4:05 pm\n\n"
    "I fished that channel for thirty years and the silt has been getting worse every single season since.\n\n"
    "Reply\n\n"
    "Tom Ode says:\n\nMarch 3, 2025 at 6:40 pm\n\n"
    "Two years of dredging means two years of noise for everyone living along the eastern shore, which nobody asked.\n\n"
    "Reply\n\n"
    "Priya Nand says:\n\nMarch 4, 2025 at 9:12 am\n\n"
    "The contractors should be named before the work starts, not after, so that residents know who to call.\n\n"
)


def test_the_articles_updated_stamp_is_trusted_over_a_comments_time_stamp():
    """Below the article, a date is a comment's or a teaser's: an "Updated" stamp above the body wins."""
    text = f"{HEADLINE}\n\nUpdated May 6, 2025\n\n{BODY}\n\n3 Comments\n\n{COMMENTS}"
    assert clean_plain_text(text).metadata.published == "2025-05-06"
    # with no date above the body, a date below it is still better than none
    assert clean_plain_text(f"{BODY}\n\n3 Comments\n\n{COMMENTS}").metadata.published == "2025-03-03T16:05:00"


@pytest.mark.parametrize("heading", ["3 Comments", "3 responses to “Harbour dredging plan approved”", "Leave a Reply"])
def test_reader_comments_after_the_article_are_not_body(heading):
    cleaned = clean_plain_text(f"{HEADLINE}\n\n{BODY}\n\n{heading}\n\n{COMMENTS}")
    assert cleaned.body == BODY
    kinds = {line.text: line.kind for line in cleaned.removed}
    assert kinds["Lena Marsh says:"] == kinds["March 3, 2025 at 4:05 pm"] == "comment"


def test_a_comments_heading_that_repeats_a_long_title_still_opens_the_comments():
    heading = ("3 thoughts on “Harbour dredging plan approved after long delay, and what it means for the crews of the "
               "eastern channel”")
    cleaned = clean_plain_text(f"{HEADLINE}\n\n{BODY}\n\n{heading}\n\n{COMMENTS}")
    assert cleaned.body.endswith(BODY.split("\n\n")[-1])
    kinds = {line.text: line.kind for line in cleaned.removed}
    assert heading in kinds
    assert kinds["Lena Marsh says:"] == kinds["Two years of dredging means two years of noise for everyone living along the "
                                              "eastern shore, which nobody asked."] == "comment"


LEDE = ("Dredging of the eastern channel, closed to larger boats for most of the past decade, can begin in the spring "
        "now that the harbour authority has approved a plan that residents, crews and the port have argued over for "
        "years, and that the authority itself had twice sent back to its engineers.")


@pytest.mark.parametrize("above", ["", f"{LEDE}\n\n"])
def test_a_comment_counter_under_the_headline_or_lede_does_not_cut_the_article(above):
    text = f"{HEADLINE}\n\n{above}124 Comments\n\n{BODY}\n"
    assert clean_plain_text(text).body.endswith(BODY)


def test_a_one_paragraph_post_ends_where_its_comment_thread_begins():
    cleaned = clean_plain_text(f"Open thread: the harbour plan\n\n{LEDE}\n\nComments\n\n{COMMENTS}")
    assert cleaned.body == LEDE


SIDEBAR = (
    "Author's column\n\nFerry timetable changes again\n\n"
    "Sometimes readers ask me why the ferry changes its timetable every spring, and the answer is longer than "
    "you would think […]\n\nThe quay at night\n\n"
    "I want to tell you about another important change on the quay, one that the crews have asked for since the "
    "winter storms […]\n\nBonuses of May\n\n"
    "I have not written anything for a long time in this column, but the harbour has given me plenty to write "
    "about this month […]\n"
)


@pytest.mark.parametrize("form", ["You must be logged in to post a comment.",
                                  "Your email address will not be published. Required fields are marked *"])
def test_a_comment_form_under_a_short_post_ends_it_like_a_thread(form):
    """The comments heading of a post of one paragraph cuts when a comment form follows it, as a thread would."""
    cleaned = clean_plain_text(f"Open thread: the harbour plan\n\n{LEDE}\n\nLeave a Reply\n\n{form}\n\n{SIDEBAR}")
    assert cleaned.body == LEDE


# trafilatura's modes, judged by the line model (newsloom.clean.html.judged_mode): the page's lines with the
# body probabilities a line model would give them, and the texts each mode could extract.
NAV = ["Home", "News", "Sport", "Subscribe to our newsletter for the best of the coast every morning"]
TEASERS = [f"Read next: the ferry timetable changes again for the {n} time this year, and crews are unhappy"
           for n in ("third", "fourth", "fifth", "sixth")]


def judge(precision: str, others: list[str]) -> tuple[int, str]:
    from newsloom.clean.html import judged_mode
    from newsloom.clean.lines import split_lines

    page_lines = [*NAV, *BODY.split("\n\n"), *TEASERS]
    lines = split_lines("\n".join(page_lines))
    probability = np.array([0.02] * len(NAV) + [0.97] * len(BODY.split("\n\n")) + [0.1] * len(TEASERS))
    return judged_mode(precision, lines, lambda: others, probability)


def test_a_mode_that_keeps_the_article_replaces_a_precision_mode_that_dropped_most_of_it():
    first_paragraph = BODY.split("\n\n")[0]
    assert judge(first_paragraph, [BODY, BODY + "\n" + "\n".join(TEASERS)]) == (1, BODY)


def test_the_precision_mode_stays_when_the_other_modes_only_add_what_the_line_model_rejects():
    assert judge(BODY, ["\n".join(NAV + [BODY] + TEASERS), BODY + "\n" + "\n".join(TEASERS)]) == (0, BODY)


def test_the_other_modes_do_not_run_when_the_line_model_agrees_with_the_precision_mode():
    from newsloom.clean.html import judged_mode
    from newsloom.clean.lines import split_lines

    def other_modes() -> list[str]:
        raise AssertionError("trafilatura ran again for a page the precision mode got right")

    lines = split_lines(BODY)
    assert judged_mode(BODY, lines, other_modes, np.full(len(lines), 0.95)) == (0, BODY)


def test_an_html_page_without_main_text_is_read_by_the_line_model_once(monkeypatch):
    """trafilatura finds no article in any mode: the probabilities that judged the modes clean the fallback."""
    from newsloom.clean.classifier import LineClassifier
    from newsloom.clean.html import clean_html

    calls = []
    original = LineClassifier.body_probabilities

    def counted(self, lines, corpus_repeat=None):
        calls.append(len(lines))
        return original(self, lines, corpus_repeat)

    monkeypatch.setattr(LineClassifier, "body_probabilities", counted)
    cleaned = clean_html("<ul><li>Home</li><li>News</li></ul>")
    assert cleaned.fallback is not None and cleaned.paragraphs == []
    assert calls == [2]


def test_a_page_that_lost_its_line_breaks_keeps_its_article():
    from pathlib import Path

    from tests.conftest import SAMPLE

    page_text = (Path(SAMPLE) / "plain" / "harbor-talks.txt").read_text(encoding="utf-8")
    # a text field or a copied page: every line break gone, and no sentence end at the end of the line
    on_one_line = " ".join(page_text.split()) + " Share this article"
    assert len(clean_plain_text(page_text).paragraphs) >= 5  # the page as it was: paragraphs, junk removed
    cleaned = clean_plain_text(on_one_line)
    # judged sentence by sentence, the article is kept rather than lost as "no article text found"
    assert "harbour authority and the dockworkers' union broke down again on Tuesday" in cleaned.body
    assert "cap night shifts." in cleaned.body
    assert "Share this article" not in cleaned.body
    assert "Share this article" in [line.text for line in cleaned.removed]
    # kept sentences of the one line run on as one paragraph, not one paragraph per sentence
    assert len(cleaned.paragraphs) < 5


def test_a_long_paragraph_that_the_model_keeps_is_not_split():
    sentence = "The council voted on the budget after a long debate about the new tram line and its cost. "
    text = "\n\n".join([sentence * 3, sentence * 20, sentence * 2]).replace(" \n", "\n")
    cleaned = clean_plain_text(text)
    assert any(len(p.split()) > 300 for p in cleaned.paragraphs)


@pytest.mark.parametrize(
    ("field", "date_line", "published"),
    [
        ("12/03/2024", "12 March 2024", "2024-03-12"),  # the page's own date says the day comes first
        ("12/03/2024", "", "2024-12-03"),  # nothing to say otherwise: month first, as dateparser reads it
        ("03/12/2024", "March 12, 2024", "2024-03-12"),  # both readings agree on month first
        ("2024-03-12T09:12:00Z", "14 March 2024", "2024-03-12T09:12:00"),  # an unambiguous field wins
    ],
)
def test_an_ambiguous_numeric_date_in_the_container_is_read_the_way_the_page_writes_its_date(
    field, date_line, published
):
    from newsloom.clean import clean_document
    from newsloom.record import RawDocument, Source

    text = f"{HEADLINE}\n\n{date_line}\n\n{BODY}\n" if date_line else f"{HEADLINE}\n\n{BODY}\n"
    raw = RawDocument(Source(path="wire.jsonl", item=1), text, meta={"published": field})
    assert clean_document(raw).published == published


def test_a_lone_paragraph_is_the_body_when_the_model_keeps_only_a_sidebar():
    from newsloom.clean.lines import split_lines

    archive = [f"{month} ({n})" for n, month in enumerate(["November", "October", "September", "August"] * 10, start=3)]
    paragraph = ("Two of the harbour authority's five patrol boats were broken into overnight, their batteries taken, "
                 "and the morning's inspections have been moved to the afternoon.")
    lines = split_lines("\n".join([*archive, "Harbour patrol boats broken into", paragraph, "Back"]))
    # the model's probabilities: the archive looks like body to it, the lone paragraph does not
    probabilities = np.array([0.6] * len(archive) + [0.6, 0.17, 0.01])
    assert clean_plain_text("", lines=lines, probabilities=probabilities).body == paragraph
    # on a page with no prose anywhere, what the model kept is not thrown away
    listing = split_lines("\n".join([*archive, "Regatta calendar: first race on 10 March", "Back"]))
    probabilities = np.array([0.6] * len(archive) + [0.9, 0.01])
    assert "first race on 10 March" in clean_plain_text("", lines=listing, probabilities=probabilities).body


def test_a_list_of_other_headlines_kept_above_the_article_is_not_its_opening():
    from newsloom.clean.lines import split_lines

    rail = ["Ferry fares to rise again in spring", "Council votes down the new bus lanes",
            "What the drought means for farmers", "Five walks to try before winter",
            "Why the old mill is for sale"]
    article = ["The harbour authority confirmed on Tuesday that two patrol boats were broken into overnight.",
               "Inspections planned for the morning have been moved to the afternoon, a spokesperson said."]
    lines = split_lines("\n".join([*rail, *article]))
    # the model's probabilities: it takes the rail of headlines for body, as it does on such pages
    probabilities = np.array([0.8] * len(rail) + [0.99, 0.99])
    cleaned = clean_plain_text("", lines=lines, probabilities=probabilities)
    assert cleaned.paragraphs == article
    assert {r.kind for r in cleaned.removed if r.text in rail} <= {"teaser", "title"}
    # a list-shaped opening with its own lead-ins ("…if:") is mostly not headlines, and stays
    opening = ["Before you start, this plan is for you if:", "You run about twenty miles a week",
               "You want to build your endurance", "You are new to the distance", "You have sixteen weeks to train",
               "Each week of the plan holds, in order:"]
    lines = split_lines("\n".join([*opening, *article]))
    cleaned = clean_plain_text("", lines=lines, probabilities=np.array([0.8] * len(opening) + [0.99, 0.99]))
    assert "teaser" not in {r.kind for r in cleaned.removed}
    assert cleaned.paragraphs[-6:] == [*opening[2:], *article]  # (its first lines may be read as title)


def test_a_teaser_heading_over_a_list_of_headlines_inside_the_article_is_dropped_with_its_list():
    from newsloom.clean.lines import split_lines

    first, second = BODY.split("\n\n")[:2], BODY.split("\n\n")[2:]
    related = ["Related articles", "Ferry fares to rise again in spring", "Council votes down the new bus lanes",
               "What the drought means for farmers"]
    lines = split_lines("\n".join([*first, *related, *second]))
    # the model's probabilities: it takes the list of headlines for body, as it does on such pages; the
    # article goes on after it, so the cut after a teaser heading (drop_teaser_tail) does not apply
    probabilities = np.array([0.99] * len(first) + [0.6] * len(related) + [0.99] * len(second))
    cleaned = clean_plain_text("", lines=lines, probabilities=probabilities)
    assert cleaned.paragraphs == [*first, *second]
    assert {r.kind for r in cleaned.removed if r.text in related} == {"teaser"}
    # one headline under the heading is a link in the article ("Read more: …"), not a list
    lines = split_lines("\n".join([*first, "Read more", related[1], *second]))
    probabilities = np.array([0.99] * len(first) + [0.6, 0.6] + [0.99] * len(second))
    assert related[1] in clean_plain_text("", lines=lines, probabilities=probabilities).paragraphs
    # headlines the list cut short end in an ellipsis, not a sentence
    cut_short = [related[0], "Ferry fares to rise again in spring as the operator...", "Council votes down the bus…"]
    lines = split_lines("\n".join([*first, *cut_short, *second]))
    probabilities = np.array([0.99] * len(first) + [0.6] * len(cut_short) + [0.99] * len(second))
    assert clean_plain_text("", lines=lines, probabilities=probabilities).paragraphs == [*first, *second]


@pytest.mark.parametrize("slot", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                                  "Continue Reading Below"])
def test_an_ad_slot_between_two_paragraphs_is_not_body(slot):
    from newsloom.clean.lines import split_lines

    paragraphs = BODY.split("\n\n")
    lines = split_lines("\n".join([*paragraphs[:2], slot, *paragraphs[2:]]))
    # the model's probabilities: between two paragraphs, it keeps the slot's line
    probabilities = np.array([0.99, 0.99, 0.9, 0.99, 0.99])
    cleaned = clean_plain_text("", lines=lines, probabilities=probabilities)
    assert cleaned.paragraphs == paragraphs
    assert [r.text for r in cleaned.removed] == [slot]


def test_the_visible_text_of_a_page_loses_the_spaces_its_entities_render_to():
    from newsloom.clean.html import visible_text

    html = ("<html><body><p>Harbor&nbsp;master&#8217;s report</p><p>&zwj;</p>"
            "<p>Ferries resumed on&nbsp;Monday.</p></body></html>")
    # no no-break space from the entity, and no line made of a zero-width joiner alone
    assert [line for line in visible_text(html).split("\n") if line.strip()] == [
        "Harbor master’s report", "Ferries resumed on Monday."]


def test_a_benchmark_page_is_read_as_newsloom_ingest_reads_an_html_file(tmp_path):
    import gzip

    from newsloom.evaluation.pages import html_as_read

    # UTF-8 encoded twice, as a few WCXB pages are: the apostrophe's bytes read as "â" and two controls
    twice = "<html><body><p>The investor’s guide</p></body></html>".encode().decode("latin-1").encode()
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(twice))
    assert "The investor’s guide" in html_as_read(page)
    assert "â" not in html_as_read(page)
    # a page the reader refuses is no benchmark page: said, not read some other way
    page.write_bytes(gzip.compress(b"no markup at all"))
    with pytest.raises(ValueError, match="no HTML markup"):
        html_as_read(page)


def test_the_later_stages_see_which_lines_speak_of_what_the_article_speaks_of():
    from newsloom.clean.lines import article_overlap, page_words, split_lines

    lines = split_lines(
        "Police rescued the kidnapped girl in Fort Worth after a tip led officers to a motel room.\n"
        "The girl was found unharmed, Fort Worth police said, and her kidnapper was arrested.\n"
        "A jury convicted the kidnapper of the Fort Worth girl after a two-day trial.\n"
        "Astronomers spotted a star ejected by the black hole at the centre of the Milky Way.\n"
        "Top 10\n"
    )
    sure = np.array([0.99, 0.99, 0.5, 0.5, 0.1])  # what the previous stage said of each line
    words_share, names_share, _ = article_overlap(sure, page_words(lines)).T
    # the trial paragraph uses the article's words and names; the other story's blurb uses neither
    assert words_share[2] > 0.4 and names_share[2] == 1.0
    assert words_share[3] == 0.0 and names_share[3] == 0.0
    # a confident line's own words do not vouch for it: the first paragraph is backed only by the second
    assert 0.0 < words_share[0] < 1.0
    # a line with no word of four letters or more has nothing to compare
    assert words_share[4] == -1.0 and names_share[4] == -1.0
    # a page shorter than the pooling window still gets one row per line
    assert article_overlap(sure[:3], page_words(lines[:3])).shape == (3, 3)


def test_a_byline_and_a_date_the_model_kept_atop_the_body_are_still_metadata():
    from newsloom.clean.lines import split_lines

    lines = split_lines(f"{HEADLINE}\n\nBy Dana Whitlock\n\nMay 6, 2025\n\n{BODY}\n")
    sure = np.array([0.1, 0.9, 0.9] + [0.99] * 4)  # the model kept the byline and the date line as body
    cleaned = clean_plain_text("", lines=lines, probabilities=sure)
    assert cleaned.paragraphs[0].startswith("The harbour authority approved")
    assert cleaned.metadata.authors == ["Dana Whitlock"] and cleaned.metadata.published == "2025-05-06"
    assert {(r.text, r.kind) for r in cleaned.removed} >= {("By Dana Whitlock", "byline"), ("May 6, 2025", "dateline")}


def test_a_date_stamp_the_model_kept_inside_the_body_still_dates_the_page():
    from newsloom.clean.lines import split_lines

    paragraphs = BODY.split("\n\n")
    lines = split_lines("\n\n".join([HEADLINE, paragraphs[0], "Dec 18, 2025 · 2 min read", *paragraphs[1:]]))
    sure = np.array([0.1] + [0.99] * 5)  # kept: the first paragraph, the stamp below it, the rest
    cleaned = clean_plain_text("", lines=lines, probabilities=sure)
    assert cleaned.metadata.published == "2025-12-18"
    # a page with no stamp at all stays undated: nothing is guessed
    plain = split_lines("\n\n".join([HEADLINE, *paragraphs]))
    assert clean_plain_text("", lines=plain, probabilities=np.array([0.1] + [0.99] * 4)).metadata.published is None


@pytest.mark.parametrize("button", ["Share this article", "Follow us on Twitter", "Subscribe to our newsletter"])
def test_a_button_the_model_kept_is_never_the_articles_last_paragraph(button):
    from newsloom.clean.lines import split_lines

    lines = split_lines(f"{BODY}\n\n{button}\n")
    cleaned = clean_plain_text("", lines=lines, probabilities=np.full(len(lines), 0.9))
    assert cleaned.paragraphs[-1].startswith("The authority will publish")
    assert button in [r.text for r in cleaned.removed]


JAPANESE_BODY = [
    "市は十二日、建設中の新しい市役所庁舎が来年の春に開業する見通しだと発表した。",
    "新庁舎は地上八階建てで、窓口業務を一つの階にまとめることで、市民の待ち時間を大幅に減らすことを目指している。",
    "市長は記者会見で「市民にとって使いやすい庁舎にしたい」と述べ、工事が予定どおりに進んでいることを強調した。",
    "一方で、建設費が当初の計画より約一割増えたことについては、資材価格の高騰が主な原因だと説明した。",
    "市議会の一部からは、費用の増加について詳しい説明を求める声も上がっている。",
]


def test_a_sentence_written_without_spaces_counts_its_words_and_ends_in_its_own_full_stop():
    from newsloom.clean.lines import is_prose, split_lines, words

    sentence = JAPANESE_BODY[0]
    # a word per two characters, not one "word" between each pair of commas
    assert len(words(sentence)) == 19
    assert words("新庁舎はiPhone 15と") == ["新庁", "舎は", "iPhone", "15", "と"]
    assert words("서울 시청 건물") == ["서울", "시청", "건물"]  # Korean spaces its words
    assert is_prose(split_lines(sentence)[0])


def test_a_japanese_article_keeps_every_paragraph_and_loses_its_menu():
    menu = ["MENU", "ホーム", "ニュース", "経済", "スポーツ", "お問い合わせ", "ホーム > ニュース >"]
    footer = ["カテゴリー", "経済 (32)", "社会 (10)", "© 2024 サンプル新聞社"]
    cleaned = clean_plain_text("\n".join([*menu, "2024年3月12日", *JAPANESE_BODY, *footer]))
    # Every paragraph, in order, and nothing of the menu above them; the footer's lone heading (カテゴリー,
    # "Categories") may stay: the model learnt headings from pages in spaced scripts.
    assert cleaned.paragraphs[: len(JAPANESE_BODY)] == JAPANESE_BODY
    assert len(cleaned.paragraphs) <= len(JAPANESE_BODY) + 1
    assert cleaned.metadata.published == "2024-03-12"


@pytest.mark.parametrize("heading", ["About the author", "About Us", "Über Moritz Bachmann", "About the Harbour Gazette"])
def test_an_about_box_after_the_article_is_not_body(heading):
    from newsloom.clean.lines import split_lines

    paragraphs = BODY.split("\n\n")
    bio = "Mara Lind has covered the port for the Gazette since 2009."
    lines = split_lines("\n".join([*paragraphs, heading, bio]))
    # the model keeps the bio: it reads like any paragraph of the article
    cleaned = clean_plain_text("", lines=lines, probabilities=np.array([0.99] * 4 + [0.2, 0.9]))
    assert cleaned.paragraphs == paragraphs


def test_an_about_heading_inside_the_article_or_a_sentence_opening_with_about_cuts_nothing():
    from newsloom.clean.lines import ABOUT_HEAD, split_lines

    paragraphs = BODY.split("\n\n")
    # a section of the article: as much body follows the heading as stands above it
    lines = split_lines("\n".join([*paragraphs[:2], "About the dredging plan", *paragraphs[2:]]))
    cleaned = clean_plain_text("", lines=lines, probabilities=np.array([0.99, 0.99, 0.2, 0.99, 0.99]))
    assert cleaned.paragraphs == paragraphs
    assert not ABOUT_HEAD.match("About 200 people gathered")
    assert not ABOUT_HEAD.match("About time, too.")


def test_a_sentence_ending_in_a_japanese_full_stop_is_no_headline_candidate():
    from newsloom.clean.lines import split_lines
    from newsloom.clean.metadata import title_candidates
    from newsloom.clean.rankers import TITLE_FEATURES

    lines = split_lines("\n".join(["商品の改造が商標法違反に", *JAPANESE_BODY]))
    picked, rows = title_candidates(lines, [0, 1], set(), 1, list(range(1, len(lines))))
    column = {name: k for k, name in enumerate(TITLE_FEATURES)}
    headline, paragraph = rows[picked.index(0)], rows[picked.index(1)]
    # the paragraph ends a sentence, so the rules veto it as a headline, as they veto "…said on Monday."
    assert paragraph[column["ends_period"]] == 1 and paragraph[column["vetoed"]] == 1
    assert headline[column["ends_period"]] == 0 and headline[column["vetoed"]] == 0
